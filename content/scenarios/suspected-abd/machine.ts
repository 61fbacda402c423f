import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'suspected-abd',
	initial: 'arrival',
	states: {
		arrival: decision({
			narrative:
				'You pull up behind a police car at 01:54. Under the street lights a young man, barefoot and shirtless, is weaving between slowing cars in the middle of the road, shouting that "they" are coming for him. His skin shines with sweat although the night is cold, and there is blood on his feet from broken glass he does not seem to notice. PC Okoye is trying to talk to him from the kerb; PC Marsh has just taken hold of his arm and been shaken off. PC Marsh calls over to you: "We\'ll get him cuffed, then he\'s all yours."',
			choices: {
				EMERGENCY: {
					label:
						'Tell the officers you are treating this as a medical emergency: ask for the traffic to be stopped, one calm voice and space for him, and request a second crew and senior clinical advice',
					target: 'pavement',
					feedback:
						"Right. Severe agitation, with signs his body is overheating after probable stimulant use, fits the description of acute behavioural disturbance that police and emergency medicine guidance treat as a medical emergency; apparent insensitivity to pain is also commonly described as a sign of concern. Saying so early shapes everyone's plan: space and one voice first, hands-on only if it cannot be avoided. The Adebowale Commission said the London Ambulance Service should respond to a clear mental health crisis as an emergency even when police are present.",
					score: 3,
					flags: []
				},
				WAIT: {
					label: 'Stay by the ambulance until the police have him under control',
					target: 'groundFight',
					feedback:
						'Waiting for the police to get him under control treats a possible medical emergency as a police problem, and leaves officers deciding on force without clinical advice. The Kevin Clarke inquest found that the ambulance crew did not complete a clinical assessment; your assessment starts the moment you arrive, not once he is handcuffed.',
					score: -2,
					flags: ['abd-not-treated-as-emergency']
				},
				CUSTODY: {
					label: "Tell the officers he looks drunk and high, and it's one for custody",
					target: 'groundFight',
					feedback:
						'Intoxication does not rule out a medical emergency; it is part of what makes this one more dangerous. Emergency medicine guidance says people with suspected acute behavioural disturbance should go to an emergency department, not police custody. Calling it a custody matter also tells the officers that force and arrest are the plan.',
					score: -3,
					flags: ['abd-not-treated-as-emergency']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'groundFight',
				feedback:
					'While you held back, PC Marsh and a second officer tried to take hold of him in the road. Your clinical judgement is most useful before hands go on, while it can still shape the plan.',
				score: -2,
				flags: []
			}
		}),
		pavement: decision({
			narrative:
				'A second police car stops the traffic. PC Okoye keeps talking in a low, steady voice, and the man steps back onto the pavement, pacing and looking over his shoulder. A young woman, Jade, tells you his name is Ryan Hughes and he is 27. They were at a party; she thinks he took cocaine, and for the last hour he has been "burning up" and saying people are after him. Ryan will not let anyone come near him.',
			choices: {
				ASSESS: {
					label: 'Observe him from a safe distance while you talk to him simply and calmly, and tell the officers your plan is the emergency department',
					target: 'restraint',
					feedback:
						'Good. You can learn a lot without touching him: how fast he is breathing, his colour, the sweat, whether he knows where he is. Short, simple sentences from one voice give a frightened, confused man the best chance of accepting help, and telling the officers your destination now heads off an argument about custody later.',
					score: 3,
					flags: []
				},
				HANDS_ON: {
					label: 'Ask the officers to take hold of him now so that you can do a full set of observations',
					target: 'groundFight',
					feedback:
						'Taking hold of a frightened, confused man to get observations is likely to start the very struggle that puts him at risk. The jury at the Kevin Clarke inquest found he was largely cooperative until hands were laid on him. Observe first; touch when it is needed and he can tolerate it.',
					score: -2,
					flags: ['force-first']
				},
				ARREST: {
					label: 'He is walking and talking: suggest the officers arrest him and take him to custody, where the nurse can see him',
					target: 'groundFight',
					feedback:
						'Walking and talking does not make him well: a person with suspected acute behavioural disturbance can deteriorate suddenly, and guidance says they need an emergency department, not a police cell. Suggesting arrest also turns a rescue into a struggle.',
					score: -3,
					flags: ['abd-not-treated-as-emergency']
				}
			}
		}),
		restraint: decision({
			narrative:
				'For a few minutes it works. Ryan stands still long enough to tell you he is "so hot". Then a bus pulls away with a hiss of brakes and he bolts for the road. PC Okoye and PC Marsh catch him at the kerb and all three go down. Ryan lands face down with PC Marsh across his back, shouting and straining, while the officers get handcuffs on him.',
			choices: {
				LEAD: {
					label:
						'Take the clinical lead: once he is cuffed, get him off his front with no weight on him and an officer watching his airway; bring the stretcher now',
					target: 'destination',
					feedback:
						'Right. Stopping him running into traffic was necessary, but now the danger comes from the restraint itself: in suspected acute behavioural disturbance, restraint should be a last resort and as short as possible. Off his front, no weight on him, someone watching his airway and a quick move to the stretcher keep the hold as brief and as safe as it can be.',
					score: 3,
					flags: []
				},
				HOLD: {
					label: 'Let them keep him face down while you fetch your kit and wait for the second crew',
					target: 'collapse',
					feedback:
						'Every minute face down with weight on his back adds to the danger for someone who is overheated, exhausted and possibly intoxicated. Emergency medicine guidance treats suspected acute behavioural disturbance as a medical emergency in which restraint must be kept to a minimum. Your kit can wait; his position cannot.',
					score: -3,
					flags: ['prone-too-long', 'no-monitoring']
				},
				TIRE: {
					label: 'Ask the officers to add leg restraints and hold him down firmly until he tires himself out',
					target: 'collapse',
					feedback:
						'Waiting for him to tire himself out is exactly the wrong goal: exhaustion after a violent struggle is one of the main risk factors for death in restraint. Leg restraints and a firm hold face down only add to that risk. Keep the restraint as short as possible and get him off his front.',
					score: -3,
					flags: ['prone-too-long', 'weight-on-chest']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'collapse',
				feedback:
					"While you hesitated, Ryan stayed face down with an officer across his back. In a restraint the clinician's voice is needed at once: tell the officers what position he needs and who is watching his breathing.",
				score: -2,
				flags: ['prone-too-long']
			}
		}),
		groundFight: decision({
			narrative:
				'Three officers now have Ryan on the ground at the edge of the road, face down, one kneeling across his back. He is roaring and bucking; his skin is burning hot to the touch and his breathing is very fast. A small crowd is filming on their phones. A police sergeant who has just arrived says: "We\'ll hold him till he tires himself out."',
			choices: {
				STEP_IN: {
					label:
						'Step in as the clinician: say this is a medical emergency, and ask for him to be turned onto his side or sat up with no weight on his back, one officer watching his airway, and the stretcher brought now',
					target: 'destination',
					feedback:
						'Right, and better late than not at all. Police guidance expects officers to know that acute behavioural disturbance is a medical emergency and to understand the dangers of positional asphyxia; your clinical voice gives them the reason, and a plan, to stop. Get him off his front and onto the stretcher as quickly as it can safely be done.',
					score: 2,
					flags: []
				},
				WAIT_CALM: {
					label: 'Wait until he has calmed down, then assess him',
					target: 'collapse',
					feedback:
						'Holding a man with suspected acute behavioural disturbance face down until he tires is the pattern seen in deaths after restraint. The Olaseni Lewis inquest found that police did not treat his acute behavioural disturbance as a medical emergency, as they had been trained to. When he goes quiet, it may be because he is collapsing.',
					score: -3,
					flags: ['prone-too-long', 'weight-on-chest', 'abd-not-treated-as-emergency']
				}
			}
		}),
		destination: decision({
			narrative:
				'Ryan is on the stretcher, lying on his side, his hands still cuffed. He is agitated but breathing more easily. Your first observations show a very fast heart rate and a high temperature. The police sergeant comes over: "He kicked one of my officers, so he\'s under arrest. We\'ll take him to custody in the van, and the nurse there can look at him."',
			choices: {
				ED: {
					label:
						'Explain that suspected acute behavioural disturbance is a medical emergency: Ryan goes to the emergency department in the ambulance, with a pre-alert, and an officer can travel with him',
					target: 'enRoute',
					feedback:
						'Right. Emergency medicine guidance says people with suspected acute behavioural disturbance should go to an emergency department, not police custody, and a pre-alert means the team will be ready for him. Being under arrest does not change his medical needs; the police can deal with the alleged assault once he is well.',
					score: 3,
					flags: []
				},
				CUSTODY: {
					label: "Accept it: he's under arrest now, and custody has healthcare staff",
					target: 'custodyCollapse',
					feedback:
						'A police cell is not the place to manage a possible medical emergency, and guidance says people with suspected acute behavioural disturbance should go to an emergency department. Custody healthcare staff cannot give him the tests, treatment and monitoring he may need. Being under arrest does not make him any less ill.',
					score: -3,
					flags: ['abd-not-treated-as-emergency', 'police-station-used']
				},
				VAN_ED: {
					label: 'Agree he needs hospital, but let the police take him there in the van because it is quicker',
					target: 'delayedCare',
					feedback:
						'Hospital is right, but the back of a police van is not: he needs continuous clinical monitoring on the way. The Sean Rigg inquest found that his worsening condition in a police van went unrecognised. Take him in the ambulance, with an officer if needed.',
					score: -2,
					flags: ['police-vehicle-conveyance', 'no-monitoring']
				}
			}
		}),
		enRoute: decision({
			narrative:
				'In the back of the ambulance PC Okoye sits with Ryan while your crewmate, Priya, drives. Ryan is lying on his side, still very hot, and talking less now. His breathing is fast. You have filled in very little of the patient record, and the hospital is twelve minutes away.',
			choices: {
				MONITOR: {
					label:
						'Stay with Ryan: continuous monitoring, help him cool down, keep talking to him, ask PC Okoye whether the handcuffs can come off as soon as it is safe, and watch for any sudden quietening',
					target: 'handover',
					feedback:
						'Good. Acute behavioural disturbance can progress to muscle breakdown, organ failure and sudden collapse, and a person who is getting quieter may be tiring or deteriorating rather than settling. NICE expects physical health to be monitored during and after restraint; that is your job now, and the record can be written as you go.',
					score: 2,
					flags: []
				},
				PAPERWORK: {
					label: 'He is calmer: sit in the front to catch up on the record while PC Okoye keeps an eye on him',
					target: 'collapse',
					feedback:
						'Getting quieter is not the same as getting better: in acute behavioural disturbance it can be the moment before collapse. A police officer is not a substitute for clinical monitoring, and the record can wait. Stay with your patient.',
					score: -3,
					flags: ['no-monitoring']
				}
			}
		}),
		collapse: decision({
			narrative:
				'Ryan has gone quiet. A moment ago he was shouting and straining; now he is limp, his eyes half open, and his breathing is shallow and irregular. Someone says: "He\'s finally settled."',
			choices: {
				RESUS: {
					label:
						'Treat it as a collapse: get all weight and as much restraint off as you can, check his airway and breathing at once, start basic life support if needed, call for backup and pre-alert the hospital',
					target: 'harmed',
					feedback:
						'Right. A sudden change from extreme agitation to stillness is a warning sign of collapse in acute behavioural disturbance. Get the weight and restraints off, check his airway and breathing and start basic life support straight away if he is not breathing normally; the Olaseni Lewis inquest found he was not put in the recovery position or given basic life support.',
					score: 1,
					flags: []
				},
				SETTLED: {
					label: 'Agree he has settled, and use the time to get your equipment ready',
					target: 'cardiacArrest',
					feedback:
						'He has not settled; he is collapsing. The sudden quiet after a struggle is the moment when a person with acute behavioural disturbance can go into cardiac arrest. Check his breathing now.',
					score: -3,
					flags: ['no-monitoring']
				}
			},
			deadlineSeconds: 30,
			onHesitate: {
				target: 'cardiacArrest',
				feedback: "While you hesitated, Ryan's breathing slowed and nobody checked it. In a collapse, seconds matter.",
				score: -3,
				flags: ['no-monitoring']
			}
		}),
		handover: decision({
			narrative:
				'At the emergency department you take Ryan straight into resus, where the team is waiting because of your pre-alert. He is drowsy but still talking. The doctor leading the team turns to you: "Tell me about him."',
			choices: {
				FULL: {
					label:
						'Give a structured handover: who he is, the drug history, the restraint and how long it lasted, your observations and their trend, and what he said',
					target: 'safe',
					feedback:
						"Good. The team needs the restraint history and the trend in his observations as much as the drug history, because together they show how much strain his body has been under. Using his name and describing what he said and felt also keeps him a patient in everyone's eyes, not a prisoner.",
					score: 2,
					flags: []
				},
				BRIEF: {
					label: 'Say: "Cocaine psychosis, violent, the police have him under arrest"',
					target: 'delayedCare',
					feedback:
						'That handover gives a label and a police status, and leaves out the restraint, his temperature and the trend in his observations. Terms such as acute behavioural disturbance and "excited delirium" are contested, partly because they have been used disproportionately in restraint deaths of men from ethnic minority groups; a label must never replace a clinical description. Hand over what happened and what you found.',
					score: -2,
					flags: ['no-handover', 'dignity-not-protected']
				}
			}
		}),
		safe: ending(),
		delayedCare: ending(),
		harmed: ending(),
		cardiacArrest: ending(),
		custodyCollapse: ending()
	}
});
