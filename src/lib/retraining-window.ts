/**
 * How long someone reached late by a retraining has to do it (assignments/rules.ts retrainingDueOn): a joiner or
 * mover reached after a major change, or everyone when the server first runs near or after its retrain-by date.
 * Four weeks, so that a whole shift rota and a fortnight's leave fit in it, and no one is overdue the moment they are
 * told. One rule for the academy rather than a field of each change: fairness to the learner should not depend on
 * which author wrote the change, and the retrain-by date keeps its meaning (when everyone reached in good time must
 * have done it). Here, outside the server code, because the "What changed" notice says it too.
 */
export const RETRAINING_LATE_DAYS = 28;
