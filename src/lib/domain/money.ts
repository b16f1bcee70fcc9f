/** How money and shares are written everywhere in the product. */

/** "£1,234.56" (and "−£5.00"); `whole` drops pence from round amounts ("£150") for limits. */
export function formatPounds(value: number, whole = false): string {
  const pennies = Math.round(value * 100); // round first so a tiny negative never prints as "−£0.00"
  const digits = whole && pennies % 100 === 0 ? 0 : 2;
  const text = (Math.abs(pennies) / 100).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${pennies < 0 ? '−' : ''}£${text}`;
}

/** "12 %", "12.5 %": up to two decimals, so a figure just over a limit never prints as the limit. */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))} %`;
}

