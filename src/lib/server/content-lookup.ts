import type { ContentLookup } from './competency/learner';
import { findModule } from './modules/catalogue';
import { findScenario } from './scenarios/catalogue';

/** Titles of modules and scenarios for labels in records and task lists. */
export const contentLookup: ContentLookup = {
	moduleTitle: (slug) => findModule(slug)?.meta.title,
	scenarioTitle: (slug) => findScenario(slug)?.meta.title
};
