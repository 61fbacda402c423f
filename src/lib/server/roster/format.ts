/** The roster file format: the one place its columns and limits are written down (README.md documents them). */

export const REQUIRED_COLUMNS = ['workforce_id', 'name', 'email', 'unit', 'job_role', 'start_date'] as const;
export const OPTIONAL_COLUMNS = ['leaving_date'] as const;
export const ROSTER_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 100_000;

export const TOO_BIG_MESSAGE =
	'The file is larger than 5 MB. Split it into smaller files and import each one: people who are not in a file are left as they are.';

/** One data row as read from the file, before any checks: every value a string, with the line it starts on. */
export type RawRow = { line: number; values: Partial<Record<RosterColumn, string>> };
