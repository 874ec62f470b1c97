/** The formats, newest last. The only place a format is chosen when nothing says which. */
import type { Format } from '../../model/report';
import type { FormatDef } from '../types';
import { format2019 } from './2019';
import { format2021 } from './2021';

export const FORMATS: Readonly<Record<Format, FormatDef>> = { '2019': format2019, '2021': format2021 };

const BY_AGE: readonly FormatDef[] = Object.values(FORMATS).sort((a, b) => a.since - b.since);

/** The format prescribed for a report year; the oldest when the year is unknown or earlier. */
export function formatForYear(year: number | null): Format {
  const fits = BY_AGE.filter((def) => year !== null && def.since <= year);
  return (fits[fits.length - 1] ?? BY_AGE[0]!).format;
}

/** A format's description; a report whose format is unknown is described by the oldest. */
export function formatDef(format: Format | null | undefined): FormatDef {
  return format ? FORMATS[format] : BY_AGE[0]!;
}
