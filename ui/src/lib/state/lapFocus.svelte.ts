/**
 * The lap an activity's route map draws over the route: the one pointed at in the laps table, else the one chosen
 * there (a toggle, so keyboard and touch users can show a lap too).
 */
export class LapFocus {
  selected = $state<number | null>(null);
  hovered = $state<number | null>(null);

  get active(): number | null {
    return this.hovered ?? this.selected;
  }

  toggle(index: number) {
    this.selected = this.selected === index ? null : index;
  }
}
