import { requireManager } from '$lib/server/access/guards';
import { peopleScope } from '$lib/server/access/policy';
import { getDb } from '$lib/server/db';
import { enumParam } from '$lib/server/forms/query';
import { formatSessionTime } from '$lib/server/practical/london-time';
import { ATTENDANCE_VIEWS, attendanceList } from '$lib/server/practical/lists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireManager(event);
	const scope = peopleScope(user);
	const show = enumParam(event.url, 'show', ATTENDANCE_VIEWS) ?? 'all';
	const rows = scope.kind === 'self' ? [] : attendanceList(getDb(), scope, show);
	const now = new Date();
	return {
		show,
		rows: rows.map((r) => ({
			id: r.id,
			personId: r.personId,
			name: r.name,
			unitName: r.unitName,
			sessionId: r.sessionId,
			title: r.title,
			when: formatSessionTime(r.startsAt, r.endsAt),
			upcoming: r.startsAt > now,
			attendance: r.attendance,
			outcome: r.outcome
		}))
	};
};
