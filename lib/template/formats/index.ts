import type { Format } from '../../model/report';
import type { FormatDef } from '../types';
import { format2019 } from './2019';
import { format2021 } from './2021';

export const FORMATS: Readonly<Record<Format, FormatDef>> = { '2019': format2019, '2021': format2021 };
