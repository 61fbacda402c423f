// Test helper, run as its own process (`node --import tsx busy-writer.ts <database> <personId>`): writes as a busy
// server would, a knowledge-check attempt and its audit entry in one transaction, until its stdin closes.
// Prints "writing" once the first write is committed and "wrote <n>" at the end.
import { appendAudit } from '../../src/lib/server/audit/log';
import { openDb } from '../../src/lib/server/db';
import { quizAttempts } from '../../src/lib/server/db/schema';

const [path, personArg] = process.argv.slice(2);
const personId = Number(personArg);
const db = openDb(path);
let written = 0;
let stopping = false;
process.stdin.on('end', () => (stopping = true)).resume();

function writeOne() {
	db.transaction((tx) => {
		const row = tx
			.insert(quizAttempts)
			.values({ personId, moduleSlug: 'busy', moduleVersion: '1.0.0', answers: '{}', correct: 1, total: 1, score: 100, passed: true, submittedAt: new Date() })
			.returning({ id: quizAttempts.id })
			.get();
		appendAudit(tx, { actorId: personId, action: 'quiz-attempt', entity: 'quiz_attempt', entityId: row.id, detail: { module: 'busy', n: written } });
	});
	if (++written === 1) console.log('writing');
}

// Batches between turns of the event loop, so that stdin's end is noticed.
(function loop() {
	if (stopping) {
		db.$client.close();
		console.log(`wrote ${written}`);
		return;
	}
	for (let i = 0; i < 20; i++) writeOne();
	setImmediate(loop);
})();
