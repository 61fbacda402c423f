import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'prone-restraint-cant-breathe',
	initial: 'faceDown',
	states: {
		faceDown: decision({
			narrative:
				'It is 23:42. The struggle has lasted about two minutes. Liam Doherty, 31, is face down on the pavement with his hands cuffed behind his back. PC Reilly is kneeling across his upper back, PC Shah is holding his legs and you are at his head and shoulders. Liam is soaked in sweat and his breathing is fast and ragged. He turns his head towards you and gasps: "I can\'t breathe. Please. I can\'t breathe." PC Reilly, out of breath himself, says: "If he can talk, he can breathe. Keep him there till the van comes."',
			choices: {
				RELIEVE: {
					label: 'Tell PC Reilly to get off his back now, and roll Liam onto his side',
					target: 'onSide',
					feedback:
						'Right. "I can\'t breathe" is a medical warning, not a trick: lying face down with weight on the back stops the chest and belly moving, and exhaustion after a struggle makes it worse. Taking the weight off and getting him onto his side is the first thing to do, every time. At the Kevin Clarke inquest the jury found it highly likely that an officer heard him say he could not breathe, yet the restraints were not removed, contrary to guidance and training.',
					score: 3,
					flags: []
				},
				KEEP_PRONE: {
					label: 'Agree with PC Reilly: keep Liam face down until the van arrives',
					target: 'goneQuiet',
					feedback:
						'Being able to speak only shows that some air is moving at that moment; it does not show he is breathing enough. Face down, with weight on his back, after a struggle, is the position most linked to positional asphyxia. The effort to breathe can look like resistance, so the harder he fights for air, the more it looks as though he needs holding down.',
					score: -3,
					flags: ['cant-breathe-ignored', 'prone-too-long', 'weight-on-chest']
				},
				EASE: {
					label: 'Tell Liam to calm down, and ask PC Reilly to ease his weight a little but keep him face down',
					target: 'goneQuiet',
					feedback:
						'Easing off a little is not enough. While he stays face down, his own body weight still presses on his chest and belly, and telling someone who is fighting for air to calm down uses up time he does not have. The safe answer to "I can\'t breathe" is to take all the weight off, get him off his front and check his breathing.',
					score: -2,
					flags: ['cant-breathe-ignored', 'prone-too-long']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'goneQuiet',
				feedback:
					'While you weighed it up, nothing changed: PC Reilly stayed on his back and Liam stayed face down. In a restraint, doing nothing is also a decision, and no length of time face down is known to be safe. When someone says they cannot breathe, act at once.',
				score: -2,
				flags: ['cant-breathe-ignored']
			}
		}),
		onSide: decision({
			narrative:
				"PC Reilly moves off. Together you roll Liam onto his left side, his hands still cuffed behind him. He drags in breath after breath. His face is grey and wet, and he keeps mumbling that he is sorry and that people were following him. Control asks for an update. PC Reilly has started to search Liam's pockets and PC Shah is looking at her grazed hand.",
			choices: {
				SAFETY_OFFICER: {
					label:
						'Make PC Shah the safety officer, watching only his airway, breathing and responsiveness, and ask control for an ambulance as an emergency, telling them he was held face down and said he could not breathe',
					target: 'waiting',
					feedback:
						'Good. One officer whose only job is to watch his airway, breathing and responsiveness means any change is spotted at once. The detail you give control tells the ambulance service how urgent this is: a person who has been held face down and said they could not breathe has had a medical emergency, even if they now seem better.',
					score: 3,
					flags: []
				},
				AMBULANCE_ONLY: {
					label: 'Ask control for an ambulance, and keep everyone busy with the search while you update them',
					target: 'waiting',
					feedback:
						'Calling the ambulance is right, but now nobody is watching him. Safe restraint practice gives one person the job of safety officer, watching breathing, colour and responsiveness and speaking up; without one, everyone is busy and a change goes unnoticed.',
					score: 0,
					flags: ['no-safety-officer']
				},
				VAN: {
					label: "He's breathing now: ask for the van to take him to custody",
					target: 'vanCage',
					feedback:
						'He has just had a breathing emergency, so he needs an ambulance and a clinical assessment, not a van. The jury at the Sean Rigg inquest found that his worsening condition in the back of a police van was not recognised, and that he was taken to a police station rather than to hospital. Feeling better for a moment is not the same as being safe.',
					score: -3,
					flags: ['no-ambulance', 'police-vehicle-conveyance']
				}
			}
		}),
		waiting: decision({
			narrative:
				'Eight minutes later the ambulance is still about ten minutes away. Liam has been lying on his side, breathing more steadily, with PC Shah talking to him. Now the panic returns: he tries to sit up, kicks out at nothing and shouts that he has to get up. PC Reilly reaches for the leg restraints: "Let\'s get him back on his front and strap his legs till they get here."',
			choices: {
				SIT_UP: {
					label: 'Let him sit up, supported, with PC Shah talking to him calmly; hold him lightly and keep watching his breathing',
					target: 'ambulanceArrives',
					feedback:
						"Good. Sitting up, supported, lets his chest and belly move freely, and it is often exactly what a frightened person is struggling to do. Any force has to stay necessary and proportionate and be reduced as the risk falls, so hold lightly, keep talking and keep the safety officer's eyes on his breathing and colour.",
					score: 3,
					flags: []
				},
				BACK_PRONE: {
					label: 'Agree: leg restraints on, and back onto his front until the ambulance arrives',
					target: 'secondProne',
					feedback:
						'Putting him back on his front after he has already told you he could not breathe repeats the most dangerous part of this incident. No length of time face down is known to be safe: national guidance in 2005 declined to set a time limit because no period is "magically safe". Leg restraints add to the risk because they stop him changing position.',
					score: -3,
					flags: ['prone-too-long']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'secondProne',
				feedback:
					'While you hesitated, PC Reilly put the leg restraints on and turned Liam back onto his front. At a moment like this someone has to lead: the Sean Rigg inquest found an absence of leadership, and the Kevin Clarke inquest found poor supervision. Say clearly what happens next.',
				score: -2,
				flags: ['prone-too-long']
			}
		}),
		secondProne: decision({
			narrative:
				'Liam is face down again, legs strapped, hands cuffed. For a minute he grunts and strains. Then the sound changes to a wet gurgle, and he goes still. PC Reilly says: "That\'s better. He\'s given up."',
			choices: {
				ABANDON: {
					label: 'Stop the restraint now: roll him onto his side, check whether he responds and is breathing, and tell control he has got worse',
					target: 'harmed',
					feedback:
						'Right, and it has to happen now. A gurgling sound and a sudden change from struggling to stillness can mean he is losing consciousness, not giving up; the only way to know is to get him off his front and check. If he is not breathing normally, start basic life support and tell control.',
					score: 1,
					flags: []
				},
				HOLD: {
					label: 'Keep him as he is; the ambulance will be here in a few minutes',
					target: 'cardiacArrest',
					feedback:
						'Going still after a struggle is not calm. The Olaseni Lewis inquest found that officers did not treat his condition as a medical emergency and did not put him in the recovery position or give basic life support. Waiting for the ambulance is not a plan for someone who may have stopped breathing.',
					score: -3,
					flags: ['prone-too-long', 'no-monitoring']
				}
			},
			deadlineSeconds: 30,
			onHesitate: {
				target: 'cardiacArrest',
				feedback:
					'Every second counts now, and while you hesitated nobody checked whether Liam was breathing. When a restrained person goes quiet, stop the restraint, turn them and check at once.',
				score: -3,
				flags: ['prone-too-long', 'no-monitoring']
			}
		}),
		goneQuiet: decision({
			narrative:
				"For another minute Liam keeps saying he can't breathe, each time more faintly. Then he stops talking. His body goes slack under PC Reilly's weight and his eyes are half closed. PC Reilly says: \"Finally. He's calmed down.\"",
			choices: {
				CHECK: {
					label: 'Get everyone off him, roll him onto his side, check whether he responds and is breathing, and call an ambulance as an emergency',
					target: 'recovering',
					feedback:
						'Right. A sudden change from struggling to silence after "I can\'t breathe" is a danger sign: he may be losing consciousness. Take all the weight off, get him onto his side, check his breathing and be ready to start basic life support while the ambulance is called.',
					score: 2,
					flags: []
				},
				CALMED: {
					label: "Good, he's calmer: keep him there until the van arrives",
					target: 'cardiacArrest',
					feedback:
						'Silence after a struggle, and after "I can\'t breathe", is not calm; it may be the start of a cardiac arrest. The Kevin Clarke inquest found that the restraint escalated into a medical emergency and that he said he could not breathe, yet the restraints were not removed. Check his breathing now, not when the van arrives.',
					score: -3,
					flags: ['prone-too-long', 'no-monitoring']
				}
			},
			deadlineSeconds: 30,
			onHesitate: {
				target: 'cardiacArrest',
				feedback:
					'While you hesitated, Liam stayed face down with weight on his back and nobody checked him. When a person who has said they cannot breathe goes quiet, every second matters.',
				score: -3,
				flags: ['prone-too-long', 'no-monitoring']
			}
		}),
		recovering: decision({
			narrative:
				'Liam is on his side. At first he does not respond to your voice, and his breathing is slow and snoring. PC Shah opens his airway as she was trained and keeps it open. After a long minute he groans and his eyes flicker. Control says the ambulance is eight minutes away. PC Reilly says: "He\'s coming round. We could have him at the station in five minutes."',
			choices: {
				STAY: {
					label: 'Keep him in the recovery position, keep checking his breathing and wait for the ambulance, ready to start basic life support',
					target: 'harmed',
					feedback:
						'Right. He was unresponsive a minute ago and needs a full clinical assessment in hospital, whatever he looks like now. Keep his airway clear, keep checking his breathing and tell the crew everything when they arrive.',
					score: 2,
					flags: []
				},
				VAN: {
					label: "Sit him up and put him in the van; he's coming round",
					target: 'vanCage',
					feedback:
						"He has just been unresponsive after a restraint; he needs paramedics and a hospital, not a police cell. Sean Rigg's worsening condition in a police van went unrecognised and he was taken to a police station instead of hospital, where he died. Cancelling the ambulance repeats that mistake.",
					score: -3,
					flags: ['no-ambulance', 'police-vehicle-conveyance']
				}
			}
		}),
		vanCage: decision({
			narrative:
				'Liam is in the cage at the back of the van. Five minutes into the drive, PC Shah looks through the hatch. He is slumped forward on the bench with his head down between his knees, and he does not answer when she calls his name.',
			choices: {
				STOP: {
					label: 'Stop the van, get him out and onto his side, check his breathing and call an ambulance as an emergency',
					target: 'delayedCare',
					feedback:
						'Right, though it should never have come to this. Sitting slumped with the head down between the knees is itself a position that restricts breathing, and a person who does not answer needs checking now, not at custody. Get him out, onto his side, check his breathing and get the ambulance.',
					score: 1,
					flags: []
				},
				CARRY_ON: {
					label: 'Carry on: custody is only a few minutes away and the nurse can see him there',
					target: 'cardiacArrest',
					feedback:
						'A slumped position with the head down restricts breathing, and no answer may mean he is unconscious. The jury at the Sean Rigg inquest found that his worsening condition in the van was not recognised. Driving on only puts distance between Liam and help.',
					score: -3,
					flags: ['no-ambulance', 'no-monitoring']
				}
			}
		}),
		ambulanceArrives: decision({
			narrative:
				'The ambulance arrives. Liam is sitting on the kerb with PC Shah beside him. He is still sweating and his heart is racing, but he is talking, and he keeps apologising. The paramedic crouches down, introduces herself to him, then turns to you: "What\'s happened?"',
			choices: {
				FULL: {
					label:
						'Give a full handover: why he was detained, how long he was face down, who had weight on him, what he said about his breathing and how he has been since',
					target: 'afterwards',
					feedback:
						'Good. The crew can only assess what they know about: the time face down, the weight on his back and the words "I can\'t breathe" all change how seriously they treat him. The Kevin Clarke inquest found that the ambulance crew did not complete a clinical assessment, and a clear handover from police helps make sure that does not happen again.',
					score: 2,
					flags: []
				},
				SHORT: {
					label: 'Tell her he was violent and is probably on drugs, and he just needs checking over',
					target: 'delayedCare',
					feedback:
						"That handover leaves out the facts that matter most for his safety: the time face down, the weight on his back and his breathing difficulty. Calling him violent and on drugs invites the crew to see a police problem instead of a patient. Kevin Clarke's sister said responders saw a stereotype rather than a man who was ill.",
					score: -2,
					flags: ['no-handover', 'dignity-not-protected']
				}
			}
		}),
		afterwards: decision({
			narrative:
				'The crew takes Liam to the emergency department, with PC Shah travelling with him. Your sergeant rings: "Everyone all right? Get your paperwork done before you go back out." It is nearly one in the morning and there are calls waiting.',
			choices: {
				RECORD: {
					label:
						'Write your own full account now: what you saw, each position and for how long, who did what, what Liam said and why you acted as you did; ask for a team debrief',
					target: 'safe',
					feedback:
						"Good. A full, individual account is how you answer for the force used and how the service learns. The Adebowale Commission found the Met's records incomplete and called that unacceptable, and the Angiolini review called for an end to officers conferring over their accounts. A debrief also lets you and your colleagues talk through a frightening few minutes.",
					score: 2,
					flags: []
				},
				BRIEF: {
					label: 'Write "restrained, ambulance called, no injuries" and take the next call',
					target: 'safeUnrecorded',
					feedback:
						"One line does not account for the force used, the time he spent face down or his breathing difficulty, and it leaves the hospital and any later review without the facts. The Adebowale Commission found the Met's records of incidents like this incomplete. Write it up fully while it is fresh.",
					score: -2,
					flags: ['no-recording']
				}
			}
		}),
		safe: ending(),
		safeUnrecorded: ending(),
		harmed: ending(),
		delayedCare: ending(),
		cardiacArrest: ending()
	}
});
