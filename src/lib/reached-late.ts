/**
 * How long someone reached late by assigned training has to do it: a joiner or mover reached by a retraining after its
 * major change, everyone when the server first runs near or after a retrain-by date (assignments/rules.ts
 * retrainingDueOn), and someone back after leaving, for what they still owe (returnerDueOn). Four weeks, so that a
 * whole shift rota and a fortnight's leave fit in it, and no one is overdue the moment they are told. One rule for the
 * academy rather than a field of each change: fairness to the learner should not depend on which author wrote the
 * change, and a retrain-by date keeps its meaning (when everyone reached in good time must have done it). Here,
 * outside the server code, because the "What changed" notice and the assignment page say it too.
 */
export const REACHED_LATE_DAYS = 28;
