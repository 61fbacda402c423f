/** What a practical session's register records, in words: attendance (the codes of practical/register.ts) and the observed assessment's outcome. */
export const ATTENDANCE_WORDS: Record<string, string> = { attended: 'Attended', absent: 'Absent', 'left-early': 'Left early' };
export const OUTCOME_WORDS: Record<string, string> = { competent: 'Competent', 'not-yet-competent': 'Not yet competent' };

/** An observed assessment's outcome in words (anything but competent is "not yet"). */
export const assessmentOutcomeLabel = (outcome: string) => OUTCOME_WORDS[outcome === 'competent' ? 'competent' : 'not-yet-competent'];
