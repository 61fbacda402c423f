// Components a module author can use inside the Markdown (see docs/authoring.md).
export { default as KeyPoint } from './KeyPoint.svelte';
export { default as LawBox } from './LawBox.svelte';
export { default as Reflection } from './Reflection.svelte';
