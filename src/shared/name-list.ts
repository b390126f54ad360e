/**
 * Several bots named in one short phrase, for notices, history lines and notifications alike.
 *
 * No electron or node imports here: this file is bundled into the dashboard.
 */

/** "Ada", "Ada and Grace", "Ada, Grace and Linus", "Ada, Grace and 3 more". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 3) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}
