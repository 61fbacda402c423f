import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'street-section-136',
	initial: 'approach',
	states: {
		approach: decision({
			narrative:
				'It is 15:20 on a Tuesday in October. Brixton Road is busy: buses nose in and out of the stop, and people on the pavement are giving the man a wide berth. He is in his late thirties, shirtless on a cool afternoon, standing right on the kerb and shouting at the buses about messages in their number plates. A few people are filming on their phones. He has not noticed you yet. Your colleague, PC Ellis, pulls the car in.',
			choices: {
				ONE_VOICE: {
					label: 'Walk over calmly, with PC Ellis a little behind you: keep some space, introduce yourself and ask his name',
					target: 'talking',
					feedback:
						'Good. One calm voice, some space and an introduction give a frightened or confused person the best chance to engage; College of Policing guidance on conflict management puts active listening, calm communication and managing your own emotions at the centre. Asking his name makes this a conversation, not a confrontation.',
					score: 3,
					flags: []
				},
				WARN: {
					label: "Tell him he is causing alarm and distress and will be arrested if he doesn't stop",
					target: 'escalating',
					feedback:
						'Threatening arrest treats what may be a mental health crisis as a public order problem, and a person who is frightened or unwell may not be able to take the warning in. The Adebowale Commission heard from people who felt treated like criminals when they were in crisis. Start by finding out who he is and what is happening for him.',
					score: -2,
					flags: []
				},
				GRAB: {
					label: 'Take hold of his arms straight away to move him back from the road',
					target: 'escalating',
					feedback:
						'Hands on before a word has been said is likely to frighten him and start a struggle at the edge of a busy road. The jury at the Kevin Clarke inquest found he was largely cooperative until hands were laid on him. Unless he is about to step in front of a bus, talk first.',
					score: -3,
					flags: ['force-first']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'escalating',
				feedback:
					'While you watched from the car, he stepped off the kerb into the path of a bus and the driver braked hard. With someone this close to traffic, an early, calm approach is safer than waiting.',
				score: -1,
				flags: []
			}
		}),
		talking: decision({
			narrative:
				'He turns towards you. His name, he says, is Andre, Andre Campbell, and he is 38. He has not slept for days; the number plates are telling him to "stop the traffic", and he keeps glancing at the road. He says his sister lives near here. He seems frightened rather than angry, and he steps on and off the kerb as he talks. PC Ellis checks quietly with control: Andre is known to the local community mental health team, and there are no warning markers for violence.',
			choices: {
				CONSULT: {
					label: 'Keep talking with Andre while PC Ellis phones the mental health triage line to ask a nurse for advice',
					target: 'consulted',
					feedback:
						'Good. Before using section 136 an officer must, where practicable, consult a health professional such as a registered nurse or a doctor, and here it is practicable: he is talking to you and there are a few minutes to spare. The nurse may know him and may suggest an option that needs no detention at all.',
					score: 3,
					flags: []
				},
				DETAIN_NOW: {
					label: "Detain him under section 136 straight away: there's no time to phone anyone",
					target: 'conveyance',
					feedback:
						'He may well need section 136, but he is talking with you and there is time for a phone call. Where it is practicable, the law requires you to consult a health professional first; commentary on the law adds that if you do not, you must be able to justify and record why it was not practicable. That call could also give you information that changes the plan.',
					score: -1,
					flags: ['no-health-consultation']
				},
				MOVE_ON: {
					label: 'He has not committed an offence: advise him to go home, and leave',
					target: 'harmed',
					feedback:
						'He is hearing messages, has not slept for days and keeps stepping towards a busy road. Offence or not, he appears to need help now, and walking away leaves him, and others, at risk. The Adebowale Commission was clear that mental health is core police business.',
					score: -3,
					flags: []
				}
			}
		}),
		escalating: decision({
			narrative:
				'The man is now in the road between two stationary buses, shouting and waving his arms. Horns are sounding, a crowd is gathering and he looks terrified. PC Ellis has stopped the traffic on one side, but cars are still moving slowly past on the other.',
			choices: {
				RESET: {
					label:
						'Lower your voice, give him space, ask PC Ellis to hold the traffic, and talk him back to the pavement; ask control for the mental health triage nurse and an ambulance',
					target: 'consulted',
					feedback:
						'Right. Slowing things down, giving him space and keeping to one calm voice is the safest way to get him out of the road; rushing him could push him into moving traffic. Asking for the triage nurse and an ambulance now means help is ready once he is safe.',
					score: 1,
					flags: []
				},
				TAKE_DOWN: {
					label: 'Rush him and take him to the ground in the road',
					target: 'harmed',
					feedback:
						'Rushing a frightened man who is standing in live traffic risks pushing him into it, and a take-down on the road surface risks serious injury to him and to you. Force must be necessary and proportionate, and here calm, space and traffic control were still available.',
					score: -3,
					flags: ['force-first']
				},
				ARREST: {
					label: 'Arrest him for a public order offence and get him into the van',
					target: 'arrested',
					feedback:
						'An arrest for a public order offence treats an apparent mental health crisis as a crime. It takes him into police custody as a suspect, not to a place of safety as a patient, and none of the safeguards of section 136 go with him: consultation with a health professional, a health-based place of safety, and a detention limited to 24 hours in which a doctor and an approved mental health professional assess him. The Sean Rigg inquest found that police failed to identify him as vulnerable when they arrested him, despite the information available, and took him to a police station instead of an emergency department or a section 136 suite.',
					score: -3,
					flags: ['arrest-instead-of-care']
				}
			},
			deadlineSeconds: 30,
			onHesitate: {
				target: 'harmed',
				feedback:
					'While you hesitated, a car on the far side edged forward and struck him as he stepped back. In live traffic, hesitating can be as dangerous as rushing.',
				score: -3,
				flags: []
			}
		}),
		consulted: decision({
			narrative:
				'Andre is on the pavement now, sitting on the low wall by the bus stop, and PC Ellis has the mental health triage nurse on the phone. From the records, the nurse can see that Andre stopped his medication some weeks ago and that his team has been worried about him. She thinks he needs an urgent mental health assessment today. You ask Andre whether he will come to hospital with you to be seen. He shakes his head, says the traffic has to be stopped, and stands up, staring at the road again.',
			choices: {
				S136: {
					label:
						'Tell him calmly that you are detaining him under section 136 of the Mental Health Act to keep him safe and get him assessed, and explain what will happen next',
					target: 'conveyance',
					feedback:
						'Right. He appears to have a mental disorder and to need immediate care or control, removing him is necessary for his own safety, and he is in a public place where the power can be used: those are the conditions for section 136. You consulted first and offered a voluntary option, so now tell him plainly what is happening and why. Section 136 is a power to get a patient care, not an arrest.',
					score: 3,
					flags: []
				},
				ARREST: {
					label: "Arrest him for obstructing the highway instead: it's simpler, and custody has a nurse",
					target: 'arrested',
					feedback:
						'This is using a minor offence to avoid the Mental Health Act. The nurse has told you he needs an urgent assessment, and he appears to meet the conditions for section 136, the power Parliament provided for exactly this situation. An arrest makes him a suspect in police custody instead of a patient at a place of safety, and a custody nurse is no substitute for that route. The Sean Rigg inquest found that police failed to identify him as vulnerable when they arrested him and took him to a police station instead of an emergency department or a section 136 suite. If the conditions for section 136 are met, use it, and take him to a health-based place of safety.',
					score: -3,
					flags: ['arrest-instead-of-care']
				},
				LEAVE: {
					label: "He has refused, and it's his choice: advise him to go home, and leave",
					target: 'harmed',
					feedback:
						'Refusing voluntary help does not end your responsibility when someone appears to have a mental disorder and to need immediate care or control; that is exactly the situation section 136 is for. The nurse has told you he needs an urgent assessment, and he is heading back towards the traffic.',
					score: -3,
					flags: []
				}
			}
		}),
		conveyance: decision({
			narrative:
				"Andre is detained under section 136. He sits on the wall beside PC Ellis, quieter now, and tearful. The hospital's health-based place of safety confirms it can take him. Control says an ambulance can be with you in about twenty-five minutes. The police van is parked just across the road.",
			choices: {
				AMBULANCE: {
					label: 'Wait for the ambulance with Andre: keep him company, keep talking, and tell the place of safety you are on your way',
					target: 'suiteArrival',
					feedback:
						'Good. The Mental Health Act Code of Practice says a person should be moved in the way most likely to protect their dignity and privacy, consistent with managing any risk, which normally means an ambulance rather than a police vehicle. He is calm, the place of safety is ready, and twenty-five minutes on a wall with him is time well spent.',
					score: 3,
					flags: []
				},
				VAN: {
					label: 'Put him in the back of the van now to save time',
					target: 'suiteArrival',
					feedback:
						'A van cage tells Andre he is a prisoner, when section 136 is a power to get him care. The Code of Practice says conveyance should normally be by ambulance, where a crew can also keep an eye on his physical health; the Sean Rigg inquest found that his worsening condition in the back of a police van was not recognised.',
					score: -2,
					flags: ['police-vehicle-conveyance', 'dignity-not-protected']
				},
				STATION: {
					label: 'Take him to the police station: the cells are quicker than waiting',
					target: 'cells',
					feedback:
						'A police station can be used as a place of safety for an adult only in narrow circumstances: his behaviour must pose an imminent risk of serious injury or death, no other place of safety can reasonably be expected to manage him, a healthcare professional must be available to check on him, and an inspector must authorise it. None of that applies to a quiet, tearful man with a hospital place waiting.',
					score: -3,
					flags: ['police-station-used', 'unlawful-detention']
				}
			}
		}),
		suiteArrival: decision({
			narrative:
				'At the health-based place of safety the nurse in charge meets you at the door, and Andre is shown to a quiet room. The nurse asks what has happened. You still have the section 136 paperwork to finish, and PC Ellis reminds you there is a queue of calls waiting.',
			choices: {
				HANDOVER: {
					label:
						'Give a full handover: what you saw and heard, the consultation and its advice, why you used section 136, the time you arrived, and that Andre would like his sister told; then record it all',
					target: 'safe',
					feedback:
						'Good. The 24-hour maximum for section 136 runs from his arrival at the first place of safety, so the time matters, and the assessing team needs what you saw and what the triage nurse advised. Your record should show the grounds, the consultation and your reasoning. Passing on that he wants his sister told involves his family in the way he has asked.',
					score: 2,
					flags: []
				},
				DROP: {
					label: 'Hand over the form, tell the nurse he has been no trouble, and leave',
					target: 'delayedCare',
					feedback:
						"Without a handover the assessing team starts from nothing: they do not know what he said, what the triage nurse advised or when the 24-hour clock started. An incomplete record also leaves your decision unexplained; the Adebowale Commission found the Met's files incomplete and called that unacceptable.",
					score: -2,
					flags: ['no-handover', 'no-recording']
				}
			}
		}),
		cells: decision({
			narrative:
				"At the police station the custody sergeant looks at Andre, who is detained under section 136 and is sitting quietly, crying, and asks why he has been brought here as a place of safety instead of to hospital. The duty inspector will not authorise it: the hospital's health-based place of safety has room, and the conditions for using a police station as a place of safety are not met.",
			choices: {
				TO_HOSPITAL: {
					label: "Take Andre to the hospital's place of safety now, by ambulance, and record honestly why he came here first",
					target: 'delayedCare',
					feedback:
						'Right. He belongs in a place of care, and putting this right quickly limits the harm. Record honestly why he was brought to the station first, and tell the hospital when he was detained and when he arrived at the station: the 24-hour maximum runs from arrival at the first place of safety, so the assessing team needs those times.',
					score: 1,
					flags: []
				},
				KEEP: {
					label: 'Keep him here: the mental health assessment can be done in custody',
					target: 'unlawful',
					feedback:
						"Keeping him here when the conditions for using a police station are not met, and without an inspector's authority, is not lawful, and a cell is no place for a frightened, unwell man. The Crisis Care Concordat expects that nobody is held in police custody because health services are unavailable, and here they are available.",
					score: -3,
					flags: ['unlawful-detention', 'police-station-used']
				}
			}
		}),
		arrested: decision({
			narrative:
				'Andre is handcuffed and taken to the custody suite in the back of the van. At the desk he gives his name, and a check shows he is known to the local community mental health team. He is crying, still talking about the number plates, and does not seem to follow what the custody sergeant is saying to him. She turns to you: "What are the circumstances, and what do you know about him?"',
			choices: {
				TELL_ALL: {
					label:
						'Tell her everything you saw and heard, that you believe he is in a mental health crisis and anything a health professional told you; ask for him to be treated as vulnerable and for the healthcare professional and liaison and diversion to see him now',
					target: 'custodyAssessment',
					feedback:
						'Right, given where you now are. Under PACE Code C, anyone an officer has any reason to suspect may be vulnerable must be treated as vulnerable unless clear evidence dispels the suspicion, and the custody officer must get clinical attention for a detainee who appears to be suffering from a mental disorder. She can only do that if you tell her what you know. But the arrest has already put a man in mental health crisis in a police cell instead of a place of care.',
					score: 1,
					flags: []
				},
				MINIMISE: {
					label: "Tell her it's a straightforward obstruction and he has calmed down; he can wait in a cell until he is interviewed",
					target: 'custodyHarm',
					feedback:
						'You have every reason to suspect he is vulnerable, and the custody officer needs that information to call the healthcare professional, an appropriate adult and liaison and diversion. Leaving it out means a man in crisis goes into a cell with nobody watching for it. The Sean Rigg inquest found that police failed to identify him as vulnerable at arrest, despite the information available, and that his basic rights and care were not delivered in custody.',
					score: -3,
					flags: ['no-handover', 'no-liaison-diversion']
				}
			}
		}),
		safe: ending(),
		delayedCare: ending(),
		harmed: ending(),
		unlawful: ending(),
		custodyAssessment: ending(),
		custodyHarm: ending()
	}
});
