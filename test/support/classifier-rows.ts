import { expect, it } from 'vitest';
import { classifyHeadline } from '../../functions/domain/classifier/index.js';
import { Classification, type CompanyRef } from '../../functions/domain/news.js';

/** A hand-written headline: [headline, company name, expected event (only checked when given)]. */
export type Row = [title: string, name: string, event?: string];

/** One test per row: the classification is well-formed, congratulates (or not) as expected, and names the event when one is given. */
export function checkRows(rows: Row[], congratulate: boolean): void {
  it.each(rows)('%s [%s]', (title, name, event) => {
    const company: CompanyRef = { name };
    const result = classifyHeadline({ title }, company);
    expect(Classification.parse(result)).toEqual(result);
    expect(result.congratulate, result.reasons.join(' | ')).toBe(congratulate);
    if (event !== undefined) expect(result.event, result.reasons.join(' | ')).toBe(event);
  });
}
