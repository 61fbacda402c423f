import { z } from 'zod';
import type { IsoDate } from '../competency/dates';

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
	});

/**
 * Why a retention date cannot be used, or null: it must be a real calendar date (YYYY-MM-DD) no later than today,
 * so that nobody who has not yet left, or left today, is anonymised by a typo.
 */
export function retentionDateError(value: string | undefined, today: IsoDate): string | null {
	if (!value) return 'Give the retention date: people who left before it are anonymised.';
	if (!isoDate.safeParse(value).success) return `"${value}" is not a date written as YYYY-MM-DD.`;
	if (value > today) return `${value} is after today: the retention date must be today or earlier.`;
	return null;
}
