import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'ward-restraint-request',
	initial: 'request',
	states: {
		request: decision({
			narrative:
				"It is 21:30 on Larch Ward. Kieran, a staff nurse, catches you at the nursing office, a little out of breath. \"Jordan's refused his meds again and he's packing his bag. He says he's going home. A few minutes ago he was shouting at Mr Obi in the corridor, so I took his arm and walked him back to his room. I think we should call the police to hold him while the doctor gives him an injection, before this gets out of hand.\" Through the glass you can see Jordan Reid, 24, pacing near the ward door with a rucksack on his shoulder.",
			choices: {
				PAUSE: {
					label:
						"Say no to calling the police for now: check Jordan's legal status, and go and talk with him yourself, calmly, with Kieran nearby but out of his way",
					target: 'talking',
					feedback:
						'Right. Before anyone talks about holding him, you need to know his legal status: an informal patient is free to leave unless a lawful power applies. A College of Policing memorandum of understanding says police should not be called to restrain someone for a purely clinical intervention, such as an injection, unless there are exceptional factors, and that restraint-free approaches come first.',
					score: 3,
					flags: []
				},
				CALL_POLICE: {
					label: 'Agree, and ring the police to ask officers to come and hold him for an injection',
					target: 'policeArrive',
					feedback:
						'Asking police to hold a patient for an injection is exactly what the College of Policing memorandum of understanding says should not happen without exceptional factors. Olaseni Lewis was a voluntary patient: when he tried to leave, staff called the police, and up to eleven officers restrained him. Start with his legal status and a conversation.',
					score: -3,
					flags: ['inappropriate-deployment']
				},
				LOCK: {
					label: 'Tell staff to keep the ward door locked and not let him leave',
					target: 'doorStandoff',
					feedback:
						'Jordan is an informal patient. Stopping him from leaving without a lawful power, such as a holding power under section 5 of the Mental Health Act, is unlawful detention, and it is likely to turn his fear into a confrontation at the door. Find out what is going on for him first.',
					score: -3,
					flags: ['unlawful-detention']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'doorStandoff',
				feedback:
					'While you hesitated, Jordan reached the ward door and Kieran stepped in front of it. The nurse in charge sets the tone, and the sooner you lead, the more likely this stays a conversation.',
				score: -2,
				flags: []
			}
		}),
		talking: decision({
			narrative:
				'You ask Jordan whether he will sit with you in the quiet room for a few minutes. He hesitates, then follows you, keeping his rucksack on, and perches on the edge of a chair. In a rush, he tells you that he thinks the tablets are "doing something" to him, that he has not slept, and that he just wants to go to his mum\'s. He keeps looking at the door.',
			choices: {
				LISTEN: {
					label:
						'Sit at an angle to him, listen, reflect back what you hear, say how frightening this must be, and ask what would help right now, offering real choices such as phoning his mum',
					target: 'status',
					feedback:
						'Good. Listening, naming his fear and offering real choices is de-escalation, and NICE expects it to start at the first signs of agitation. It also tells you why he wants to leave, which you need to know before anyone decides anything.',
					score: 3,
					flags: []
				},
				PRN: {
					label: 'Offer him his as-required medication to help him calm down',
					target: 'doorStandoff',
					feedback:
						'NICE guidance is clear that giving as-required medication on its own is not de-escalation. Jordan has just told you he thinks his tablets are doing something to him; offering more before you have really listened is likely to confirm his fear and send him back to the door.',
					score: -1,
					flags: []
				},
				WARN: {
					label: 'Tell him that if he leaves, the doctor will section him',
					target: 'doorStandoff',
					feedback:
						'A threat turns a conversation into a contest and makes it harder for him to trust the ward. Whether he needs to be detained is a decision for the right professionals, made on the facts, not something to use as leverage. Listen first.',
					score: -2,
					flags: []
				}
			}
		}),
		status: decision({
			narrative:
				'Jordan has spoken to his mum on the ward phone. He is calmer, but he still says he is going home tonight. You check his records: he is an informal patient, and there are no detention papers. The duty doctor, Dr Anand, is on the next ward and can come straight away. Kieran mutters: "So we just let him walk out?"',
			choices: {
				REVIEW: {
					label:
						"Tell Jordan honestly that, as an informal patient, he can leave, and ask whether he will talk with the duty doctor first; ask Dr Anand to come now and, with Jordan's agreement, involve his mum",
					target: 'review',
					feedback:
						"Right. Being honest about his rights keeps his trust, and an urgent medical review is the right next step if you are worried about his safety. The doctor can decide whether he needs to be held under section 5(2) while a Mental Health Act assessment is arranged; a nurse's six-hour holding power under section 5(4) is only for when a doctor cannot attend immediately, and Dr Anand can.",
					score: 3,
					flags: []
				},
				TELL_STAY: {
					label: 'Tell Jordan he is not allowed to leave tonight until the doctor says so',
					target: 'doorStandoff',
					feedback:
						"Telling an informal patient he cannot leave, without a holding power, is unlawful detention, however well meant. If you believe he must stay for his safety, the routes are a doctor's assessment under section 5(2), or your own section 5(4) holding power only when a doctor cannot attend immediately, and here the doctor can come now.",
					score: -3,
					flags: ['unlawful-detention']
				},
				OPEN_DOOR: {
					label: 'Tell him he is free to go, open the door and let him leave with nothing else in place',
					target: 'delayedCare',
					feedback:
						'He does have the right to leave, but letting him walk out into the night with no review, no plan and nobody told leaves a frightened young man without support. Ask him to talk to the doctor first, agree what happens if he does go, and involve his family as he wishes.',
					score: -2,
					flags: ['no-handover']
				}
			}
		}),
		review: decision({
			narrative:
				'Dr Anand spends half an hour with Jordan. Jordan agrees to stay tonight, on the understanding that his mum will visit in the morning and that his medication will be properly discussed with him. Kieran asks you: "So what\'s the plan if he wants to go again at three in the morning? Shall I ask the police to keep a car on standby?"',
			choices: {
				PLAN: {
					label:
						'Agree a plan for the night with Jordan and Dr Anand: what helps him, who he can talk to, how often staff check in with him, and that if he wants to leave the doctor sees him first',
					target: 'record',
					feedback:
						'Good. A plan made with Jordan, built on what calms him, is the best protection against a crisis at three in the morning. The memorandum of understanding on police restraint in mental health settings says each case should be judged on its merits and restraint-free methods come first; a good clinical plan is how you make that real.',
					score: 2,
					flags: []
				},
				STANDBY: {
					label: 'Ask the police to keep a car on standby in case he tries to leave',
					target: 'record',
					feedback:
						"Asking for police cover in advance treats a frightened voluntary patient as a public order risk and ties up officers who may be needed elsewhere. Right Care, Right Person aims to end inappropriate and avoidable police involvement in mental health care; a clinical plan for the night is the ward's job.",
					score: -2,
					flags: ['inappropriate-deployment']
				}
			}
		}),
		record: decision({
			narrative:
				'It is nearly midnight and Jordan is asleep. Kieran is writing up the evening\'s notes. "Nothing much to report, is there?" he says. "We didn\'t restrain anyone in the end."',
			choices: {
				RECORD: {
					label: "Record Kieran's hold on Jordan's arm as a use of force under the Use of Force Act, and plan a debrief with Jordan and with the staff",
					target: 'safe',
					feedback:
						"Right. The Act requires mental health units to record every use of force that is more than negligible, including information about the patient such as any disability, mental disorder, learning disability or autism; taking hold of someone's arm to move them is a use of force, and if in doubt, record it. NICE also expects a debrief for the person after an incident, and talking it through with Jordan helps rebuild his trust.",
					score: 2,
					flags: []
				},
				NOTHING: {
					label: "Agree: it was a brief hold to keep Mr Obi safe, nobody was restrained, so a line in Jordan's notes is enough",
					target: 'safeUnrecorded',
					feedback:
						"Force was used: Kieran took hold of Jordan's arm and moved him. The Use of Force Act requires units to record every use of force that is more than negligible, so that patterns, including the disproportionate use of force on some groups of patients, can be seen and reduced. If you are unsure whether something counts, record it.",
					score: -2,
					flags: ['no-recording']
				}
			}
		}),
		doorStandoff: decision({
			narrative:
				'Jordan is at the locked ward door with his rucksack, pulling at the handle and shouting to be let out. Kieran is standing in front of the door with his arms folded. Other patients have come out of their rooms to watch. Jordan is shaking.',
			choices: {
				STEP_BACK: {
					label:
						'Ask Kieran and the others to step back and give Jordan space; speak to him yourself, tell him honestly what his rights are, and ask whether he will sit down with you and the duty doctor for a few minutes',
					target: 'review',
					feedback:
						'Right. Blocking the door has made this a confrontation; stepping back, giving space and being honest about his rights is how you turn it back into a conversation. NICE expects de-escalation to carry on even while restrictive interventions are being used, so it is certainly not too late now.',
					score: 1,
					flags: []
				},
				CALL_POLICE: {
					label: 'Call the police to come and hold him',
					target: 'policeArrive',
					feedback:
						'Calling police to hold a frightened voluntary patient at the door is how the restraint of Olaseni Lewis began. The College of Policing memorandum of understanding says restraint-free methods come first and police should not be called for purely clinical interventions without exceptional factors.',
					score: -3,
					flags: ['inappropriate-deployment']
				},
				TEAM_HOLD: {
					label: 'Ask the team to take hold of him and bring him back to his room',
					target: 'floorRestraint',
					feedback:
						'Jordan is an informal patient, so taking hold of him to stop him leaving, with no holding power in place, is unlawful detention. It also jumps straight to force without trying to talk. If you think he must stay for his safety, get the doctor now.',
					score: -3,
					flags: ['unlawful-detention', 'force-first']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'policeArrive',
				feedback:
					'While you hesitated, Kieran rang the police. In a standoff like this, the nurse in charge needs to lead straight away: space, one calm voice, honesty about his rights.',
				score: -2,
				flags: ['inappropriate-deployment']
			}
		}),
		policeArrive: decision({
			narrative:
				'Two police officers arrive on the ward. Kieran meets them: "He\'s refusing his medication. If you can hold him down, the doctor will give him an injection." At the end of the corridor Jordan sees the uniforms and backs against the wall, terrified. The officers turn to you: "You\'re in charge. What do you need from us?"',
			choices: {
				CLINICAL_LEAD: {
					label:
						"Thank them, explain that this is a clinical situation the ward will lead, ask them to wait out of Jordan's sight, and go and talk to Jordan yourself",
					target: 'review',
					feedback:
						"Right. Even with police present, the ward leads: the memorandum of understanding says police should not be used to restrain someone for a purely clinical intervention without exceptional factors. The Use of Force Act includes a provision for police assisting in mental health units to wear body cameras where reasonably practicable; check whether and how that applies under your local protocol. Getting the uniforms out of Jordan's sight may be the quickest de-escalation you have.",
					score: 1,
					flags: []
				},
				POLICE_HOLD: {
					label: 'Ask the officers to take him to the floor and hold him while the doctor gives the injection',
					target: 'floorRestraint',
					feedback:
						'This is the situation in which Olaseni Lewis died: a voluntary patient who wanted to leave, and police called to restrain him. The memorandum of understanding says police should not be used to restrain someone for a purely clinical intervention such as an injection without exceptional factors. Handing the lead to officers also hands over the monitoring that clinical staff are trained to do.',
					score: -3,
					flags: ['police-led-clinical-restraint', 'force-first']
				}
			}
		}),
		floorRestraint: decision({
			narrative:
				'Jordan is face down on the corridor floor, with one person kneeling across his back and others holding his arms and legs. The injection has been given. A minute ago he was shouting "get off me"; now he is making a snoring sound and has stopped moving. Someone says: "Good, it\'s working."',
			choices: {
				STOP: {
					label:
						'Take charge: everyone off his back, onto his side, check his airway, breathing and pulse, call the emergency team and bring the resuscitation equipment',
					target: 'harmed',
					feedback:
						'Right. Snoring breathing and sudden stillness after restraint and an injection are danger signs, not signs that it is working. NICE expects physical health to be monitored during and after manual restraint and after rapid tranquillisation; at the Olaseni Lewis inquest, a doctor had noted a low pulse during the restraint but did not respond.',
					score: 1,
					flags: []
				},
				CONTINUE: {
					label: 'Keep holding him until the medication takes full effect',
					target: 'riskOfDeath',
					feedback:
						"He may be losing consciousness. The Department of Health's Positive and Proactive Care guidance says staff must not deliberately restrain people in a way that affects their airway, breathing or circulation, such as face down. The Olaseni Lewis inquest found he was not put in the recovery position or given basic life support.",
					score: -3,
					flags: ['prone-too-long', 'weight-on-chest', 'no-monitoring']
				}
			},
			deadlineSeconds: 30,
			onHesitate: {
				target: 'riskOfDeath',
				feedback:
					'While you hesitated, Jordan stayed face down and nobody checked his breathing. As nurse in charge you are responsible for his physical monitoring, whoever is holding him.',
				score: -3,
				flags: ['prone-too-long', 'no-monitoring']
			}
		}),
		safe: ending(),
		safeUnrecorded: ending(),
		delayedCare: ending(),
		harmed: ending(),
		riskOfDeath: ending()
	}
});
