import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'young-person-on-a-bridge',
	initial: 'approach',
	states: {
		approach: decision({
			narrative:
				'You pull up at the end of the footbridge. Halfway across, a girl of about fifteen is sitting on the narrow ledge on the outside of the railings, holding on with one hand, her school bag on the bridge behind her. Below, the traffic has slowed but not stopped. Three people are filming on their phones. She has seen your car and is watching you.',
			choices: {
				ONE_VOICE: {
					label:
						'Ask PC Kemp to move the onlookers back and confirm the road closure; walk slowly onto the bridge alone, stop a few metres away, say your first name and ask hers',
					target: 'talking',
					feedback:
						'Right. Time and space are on her side and yours: fewer people in view, one calm voice, no sudden movement towards someone at height. Giving your first name and asking hers starts a conversation instead of a confrontation.',
					score: 3,
					flags: []
				},
				RUSH: {
					label: 'Run to her together and grab her arms over the railings before she can let go',
					target: 'harmed',
					feedback:
						'Rushing at a person sitting at height can startle them into the very movement you fear, and a struggle over railings puts her and you at risk of falling. Unless she is letting go at that moment, slow down, reduce the crowd and start talking.',
					score: -3,
					flags: ['force-first']
				},
				SHOUT: {
					label: 'Call out from the end of the bridge, telling her to climb back over to the safe side now',
					target: 'talking',
					feedback:
						'Shouted orders from a distance, with a crowd watching, tell her she is being managed rather than listened to. She turns away from you and grips the railing harder. Get closer slowly, on your own, and talk with her rather than at her.',
					score: -2,
					flags: []
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'talking',
				feedback:
					'While you hesitated, one of the people filming walked towards her calling "don\'t be stupid", and she shifted further along the ledge. Leading early, with space and one calm voice, is how you stop others making it worse.',
				score: -1,
				flags: []
			}
		}),
		talking: decision({
			narrative:
				'She tells you her name is Chloe and she is fifteen. She is shivering. "Everyone would be better off. Just leave me alone." After a while she says she has had "the worst day", that something has been posted about her online and the whole school has seen it, and that she cannot go home because her mum will "go mad".',
			choices: {
				LISTEN: {
					label:
						'Listen, reflect back what she tells you, say that it sounds unbearable, ask what happened today and who she trusts, and ask whether she would be warmer on the safe side while you keep talking',
					target: 'safeSide',
					feedback:
						'Right. Active listening and empathy are the core skills the College of Policing conflict management guideline describes. After twenty minutes she lets you help her back over the railings, and PC Kemp puts a coat round her. Notice what you did not do: argue with how she feels, or make promises you cannot keep.',
					score: 3,
					flags: []
				},
				REASSURE: {
					label: 'Tell her she has everything to live for and that this will all seem silly in a week',
					target: 'safeSide',
					feedback:
						'Telling a young person in despair that her feelings are silly tells her you are not listening. She stops talking to you for a long time. Eventually, cold and exhausted, she lets you help her back over, but she has learned not to tell you anything. Listen and reflect what she says; do not argue with it.',
					score: -2,
					flags: []
				},
				PROMISE: {
					label: 'Promise her that if she climbs back over, nobody will tell her mum and she will not be in any trouble',
					target: 'safeSide',
					feedback:
						'She climbs back over, but you have promised something you cannot keep: she is fifteen, and her family will need to be involved in what happens next. Broken promises at this moment make the next conversation harder for everyone who tries to help her. Be honest about what you can and cannot promise.',
					score: -1,
					flags: []
				}
			}
		}),
		safeSide: decision({
			narrative:
				'Chloe is sitting on the pavement at the end of the bridge in PC Kemp\'s coat, crying. The ambulance is still about forty minutes away. She says that if you let her go she will "come back and do it properly" tonight, and that she will not go home. She has no injuries you can see and says she has not taken anything.',
			choices: {
				CONSULT: {
					label:
						'Phone the mental health triage line before deciding anything: tell them her age, what she did and said, and that she refuses to go home; then decide whether section 136 is needed',
					target: 'placeOfSafety',
					feedback:
						'Right. Before using section 136, an officer must, where practicable, consult a health professional such as a registered nurse; here it is practicable. The triage nurse agrees Chloe needs an urgent mental health assessment tonight. Chloe will not agree to go anywhere, so you decide section 136 is necessary, explain it to her honestly and simply, and record who you consulted and what they said.',
					score: 3,
					flags: []
				},
				DETAIN_NOW: {
					label: 'Detain her under section 136 straight away; there is no need to phone anyone',
					target: 'placeOfSafety',
					feedback:
						'The consultation duty applies whenever it is practicable, and with a triage line a phone call away it was. Consultation is not a formality: it brings clinical advice into the decision, and for a young person it can also tell you which local services take children. Consult, then decide, and record both.',
					score: -2,
					flags: ['no-health-consultation']
				},
				HOME: {
					label: 'Drive her home and leave her with her mum; she is off the bridge now',
					target: 'takenHome',
					feedback:
						'Chloe has just told you she will come back tonight and "do it properly", and that she will not go home. Leaving her at home with no assessment and nobody from health services told is not a plan. Consult a health professional and decide, with their advice, what she needs tonight.',
					score: -3,
					flags: ['no-handover']
				}
			}
		}),
		placeOfSafety: decision({
			narrative:
				'Chloe is detained under section 136. Control tells you the nearest health-based place of safety is full, and the ambulance is now thirty minutes away. Your sergeant comes on the radio: "Custody\'s five minutes away. Take her there as a last resort and we\'ll sort out a bed from there."',
			choices: {
				HEALTH: {
					label:
						'Tell your sergeant a police station can never be used as a place of safety for anyone under 18; wait with Chloe in the warm car for the ambulance to take her to the emergency department, and ask for an inspector to escalate the bed problem with the NHS',
					target: 'family',
					feedback:
						'Right. Section 136A says a person under 18 may never be removed to, kept at or taken to a police station as a place of safety: there is no "last resort" exception for children. An emergency department is a hospital place of safety. The Mental Health Act Code of Practice expects conveyance in the way that best protects dignity, normally by ambulance. A full suite is a problem for the system to solve, and escalating it is the right way to make that happen.',
					score: 3,
					flags: []
				},
				CUSTODY: {
					label: 'Take her to custody as a last resort, as your sergeant says',
					target: 'unlawful',
					feedback:
						'A police station can never be used as a place of safety for a person under 18 (section 136A). No sergeant, inspector or shortage of beds can make it lawful. Challenge the instruction and take her to a health-based place of safety.',
					score: -3,
					flags: ['police-station-used', 'unlawful-detention']
				},
				VAN: {
					label: 'Do not wait for the ambulance: drive her to the emergency department yourselves in the back of the police van',
					target: 'family',
					feedback:
						'The emergency department is the right destination, but the back of a police van tells a frightened fifteen-year-old she is being treated as a criminal. She was not injured and the ambulance was thirty minutes away; waiting with her in the warm car would have protected her dignity. If a police vehicle ever has to be used, record why.',
					score: -1,
					flags: ['police-vehicle-conveyance']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'family',
				feedback:
					'While you hesitated, twenty minutes went by on the radio while the sergeant and control argued about custody. Chloe sat in the back of the car, frightened, listening to it. In the end an inspector confirmed what the law already says: never a police station for a child. Be ready to say it yourself, straight away.',
				score: -2,
				flags: ['dignity-not-protected']
			}
		}),
		family: decision({
			narrative:
				"At the emergency department, Chloe is given a quiet room. She has given you her mum's number. Her mum, Ms Doyle, arrives twenty minutes later, frantic. \"I'm her mother. I'm taking her home, now. She doesn't need a psychiatrist, she needs her bed.\"",
			choices: {
				EXPLAIN: {
					label:
						'Take her mum somewhere quiet; explain calmly that Chloe is detained under section 136 for an assessment that will happen here, and what happens next; listen to what she knows about how Chloe has been; and, if Chloe agrees, take her in to sit with her',
					target: 'handover',
					feedback:
						'Right. Her mum is frightened, not difficult. Calm information about what is happening, and a chance to say what she has seen, makes her a partner. She tells you Chloe has not been sleeping and stopped seeing her friends weeks ago. Chloe asks for her mum to come in.',
					score: 2,
					flags: []
				},
				RELEASE: {
					label: 'Let her mum take her home: a parent has the final say over her child',
					target: 'homeUnassessed',
					feedback:
						'Chloe is detained under section 136 so that she can be assessed; that detention does not end because a parent asks. Sending her home unassessed, hours after she was on the outside of a bridge and said she would go back, leaves her at serious risk. Explain what is happening, and involve her mum in it.',
					score: -3,
					flags: ['detained-person-let-go']
				},
				EXCLUDE: {
					label: "Tell her mum she can't see Chloe or be told anything until the assessment is over",
					target: 'handover',
					feedback:
						'Shutting out a frightened parent loses the person who knows Chloe best and makes an ally into an opponent. You can explain what section 136 means and what will happen next, listen to what she knows, and ask Chloe whether she would like her mum with her.',
					score: -3,
					flags: ['family-ignored']
				}
			}
		}),
		handover: decision({
			narrative: 'The emergency department nurse in charge comes to take the handover. Your radio is busy: control wants you back out as soon as possible.',
			choices: {
				FULL: {
					label:
						'Hand over in person: the time you detained her and the time she arrived here (which starts the 24 hours), what she did and said, who you consulted, that no force was used, how to reach her mum, and the bed problem you escalated; record it all',
					target: 'safe',
					feedback:
						'Right. The arrival time fixes the 24-hour clock, which started when she arrived at this first place of safety. What she said on the bridge, and what her mum knows, are exactly what the assessing team needs.',
					score: 2,
					flags: []
				},
				QUICK: {
					label: '"Fifteen-year-old, 136, was on the bridge, mum\'s with her." Then leave for the next call',
					target: 'thinHandover',
					feedback:
						'The department now has a child detained under section 136 with no record of when the detention or the 24 hours began, who was consulted, or what she said about going back. Every handover is a point where a person can be lost.',
					score: -2,
					flags: ['no-handover']
				}
			}
		}),
		safe: ending(),
		thinHandover: ending(),
		unlawful: ending(),
		homeUnassessed: ending(),
		takenHome: ending(),
		harmed: ending()
	}
});
