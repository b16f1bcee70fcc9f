/** How money and shares are written everywhere in the product. */

/**
 * `toLocaleString` with options builds a new formatter on every call; a register page formats hundreds
 * of amounts, so the two formatters are made once.
 */
const wholePounds = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "£1,234.56" (and "−£5.00"); `whole` drops pence from round amounts ("£150") for limits. */
export function formatPounds(value: number, whole = false): string {
  const pennies = Math.round(value * 100); // round first so a tiny negative never prints as "−£0.00"
  const text = (whole && pennies % 100 === 0 ? wholePounds : poundsAndPence).format(Math.abs(pennies) / 100);
  return `${pennies < 0 ? '−' : ''}£${text}`;
}

/** "12 %", "12.5 %": up to two decimals, so a figure just over a limit never prints as the limit. */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))} %`;
}

