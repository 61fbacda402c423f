/** A one-line progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
	const started = Date.now();
	let lastTenth = -1;
	let lastDraw = 0;
	return {
		update(done: number, total: number) {
			const share = total ? done / total : 1;
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			const text = `${label} ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} ${Math.floor(share * 100)}% ${seconds} s`;
			if (stream.isTTY) {
				const now = Date.now();
				if (now - lastDraw < 100 && done < total) return;
				lastDraw = now;
				const width = 30;
				const filled = Math.round(share * width);
				stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
				if (done >= total) stream.write('\n');
			} else {
				const tenth = Math.floor(share * 10);
				if (tenth === lastTenth) return;
				lastTenth = tenth;
				stream.write(`${text}\n`);
			}
		}
	};
}
