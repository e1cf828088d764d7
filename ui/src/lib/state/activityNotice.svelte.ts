/** A sentence about the athlete's last change to their activities, with a link to what it made. */
export interface ActivityNoticeText {
  text: string;
  href?: string;
  linkText?: string;
}

/**
 * What the athlete just did (added, deleted) for the activity list to say: the change happens on one screen and is
 * confirmed on the next, so it lives here rather than in either.
 */
export class ActivityNotice {
  current = $state.raw<ActivityNoticeText | null>(null);

  say(notice: ActivityNoticeText): void {
    this.current = notice;
  }

  clear(): void {
    this.current = null;
  }
}

export const activityNotice = new ActivityNotice();
