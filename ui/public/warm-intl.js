// Loads the browser's number and date data (Intl) while the app's own script is still downloading. The first
// Intl.NumberFormat of a page costs 15–60 ms (several times that on a phone), which would otherwise hold up the
// first screen that shows a number. Loaded async from index.html; it changes nothing and may fail harmlessly.
try {
  const locale = navigator.language || 'en-GB';
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1234.5);
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
  Intl.DateTimeFormat().resolvedOptions();
} catch (e) {
  // nothing to warm: the app's formatters fall back when they are used
}
