/**
 * Was the report published by the legal deadline (条例, 2019 revision, 第四十九条)? 1月31日 of the
 * following year for a government department's report, 3月31日 for a people's government's own
 * report; for reports on 2018 and earlier, 3月31日 for all. Null when the year or date is unknown.
 */
export function deadlineOf(year: number, agency: string | null): string {
  const government = !!agency && /(人民政府|政府|管委会|管理委员会)$/.test(agency.replace(/[\s（）()]/g, ''));
  return `${year + 1}-${year <= 2018 || government ? '03-31' : '01-31'}`;
}

export function deadlineKept(year: number | null, agency: string | null, publishedAt: string | null): 'kept' | 'missed' | null {
  if (year === null || !publishedAt || !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) return null;
  return publishedAt <= deadlineOf(year, agency) ? 'kept' : 'missed';
}
