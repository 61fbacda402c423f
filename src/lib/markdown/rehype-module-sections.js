import { slugify } from './slug.js';

/** @param {any} node @returns {string} */
function textOf(node) {
	if (node.type === 'text' || node.type === 'raw') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

/**
 * Wraps each H2 and what follows it in <section id=…>, and ends each section with a plain
 * form that marks it as read. Plain HTML so that it works without JavaScript; the module
 * page enhances these forms when JavaScript is on.
 */
export function rehypeModuleSections() {
	return (/** @type {any} */ tree) => {
		/** @type {any[]} */
		const out = [];
		/** @type {any} */
		let current = null;
		for (const node of tree.children) {
			if (node.type === 'element' && node.tagName === 'h2') {
				const title = textOf(node).trim();
				const id = slugify(title);
				node.properties = { ...node.properties, id: `${id}-heading`, tabIndex: -1 };
				current = {
					type: 'element',
					tagName: 'section',
					properties: { id, className: ['module-section'], ariaLabelledBy: `${id}-heading`, dataSection: id },
					children: [node]
				};
				current.children.push(markReadForm(id, title));
				out.push(current);
			} else if (current) {
				// keep the mark-read form last
				current.children.splice(current.children.length - 1, 0, node);
			} else {
				out.push(node);
			}
		}
		tree.children = out;
	};
}

/** @param {string} id @param {string} title */
function markReadForm(id, title) {
	return {
		type: 'element',
		tagName: 'form',
		properties: { method: 'POST', action: '?/read', className: ['mark-read'], dataSectionForm: id },
		children: [
			{ type: 'element', tagName: 'input', properties: { type: 'hidden', name: 'section', value: id }, children: [] },
			{
				type: 'element',
				tagName: 'button',
				properties: { type: 'submit', className: ['button', 'secondary'] },
				children: [{ type: 'text', value: `I have read “${title}”` }]
			}
		]
	};
}
