/** One plain line on what an activity's analysis figures mean, for the athlete rather than the physiologist. */

/** Aerobic decoupling (Pw:HR or Pa:HR) in percent. */
export function decouplingMeaning(percent: number | null | undefined): string | null {
  if (percent == null || !Number.isFinite(percent)) return null;
  if (percent < 0) return 'Your output rose against your heart rate in the second half: aerobically steady.';
  if (percent < 5) return 'Under 5 %: your heart rate held steady against your output, so you were aerobically steady.';
  if (percent < 10) return '5–10 %: your heart rate drifted up against your output in the second half; some fatigue, heat or a long effort for your base.';
  return 'Over 10 %: your heart rate drifted a lot against your output; this was beyond your current aerobic endurance (or hot, or hard).';
}

/** Efficiency factor: output per heartbeat. */
export function efficiencyMeaning(basis: 'power' | 'speed'): string {
  return basis === 'power'
    ? 'Normalized power per heartbeat: compare it between similar steady rides; rising over weeks means your aerobic fitness is improving.'
    : 'Speed per heartbeat: compare it between similar easy runs; rising over weeks means your aerobic fitness is improving.';
}

/** Intensity factor: normalized power as a share of FTP. */
export function intensityMeaning(intensity: number | null | undefined): string | null {
  if (intensity == null || !Number.isFinite(intensity)) return null;
  if (intensity < 0.75) return 'Normalized power as a share of your FTP: under 0.75 is an easy or recovery ride.';
  if (intensity < 0.85) return 'Normalized power as a share of your FTP: 0.75–0.85 is endurance to tempo.';
  if (intensity < 0.95) return 'Normalized power as a share of your FTP: 0.85–0.95 is sweet spot, a solid workout.';
  if (intensity <= 1.05) return 'Normalized power as a share of your FTP: about 1 is a threshold effort, like a one-hour race.';
  return 'Normalized power as a share of your FTP: over 1.05 is above threshold, as in a short race; or your FTP may be set too low.';
}
