import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'welfare-call-rcrp',
	initial: 'callStart',
	states: {
		callStart: decision({
			narrative:
				'It is 14:05 on a Wednesday. The caller is Patricia Walsh, 67. She is polite, but her voice is shaking. Her son Daniel, 34, lives alone in a flat in Walthamstow. He has not answered his phone since Sunday evening, two days ago. He stopped taking his medication a few weeks ago, she says, and he is "under the mental health team". She is asking for the police to go round and check on him.',
			choices: {
				GATHER: {
					label:
						'Listen, reassure her and gather what you need: when she last heard from him and what he said, any talk of harming himself, his health, who is involved in his care, and whether anyone has a key',
					target: 'assess',
					feedback:
						"Right. Whether this meets the threshold for a police response depends on the detail, so get the detail before you decide. College of Policing guidance says call takers should gather medical, mental health and drug information and pass it on, and the Adebowale Commission singled out failings in the Met's handling of 999 calls.",
					score: 3,
					flags: []
				},
				REFUSE: {
					label: 'Explain that police no longer do welfare checks, give her the mental health crisis line number and end the call',
					target: 'lateCall',
					feedback:
						'Right Care, Right Person does not mean police never attend: police still respond where there is a real and immediate risk to life or of serious harm, and you have not yet asked the questions that would tell you. Giving a number and ending the call leaves a worried mother to find help on her own, and leaves nobody responsible for Daniel.',
					score: -3,
					flags: ['call-closed-without-handover']
				},
				DISPATCH: {
					label: 'Create an emergency log and send officers to force entry straight away',
					target: 'officersAtDoor',
					feedback:
						"Sending officers to force entry before you know the facts may be unlawful as well as unnecessary: the police power to enter without a warrant to save life or limb needs a fear of serious injury, not a general concern for someone's welfare. Under Right Care, Right Person the question is whether there is a crime, or a real and immediate risk to life or of serious harm, and you need the facts to answer it.",
					score: -2,
					flags: ['inappropriate-deployment']
				}
			}
		}),
		assess: decision({
			narrative:
				'Patricia tells you more. Daniel\'s last text, on Sunday evening, said he was "tired" and would "call in the week". He has not talked about harming himself and has never tried to. He stopped his tablets because of the side effects. He has a care coordinator at the community mental health team; Patricia left a message there this morning but has not heard back. She does not have a key, and she plans to go round herself after work.',
			choices: {
				HEALTH: {
					label:
						'Record why the police threshold is not met yet, phone the crisis service yourself and agree what they will do, and tell Patricia to ring 999 if anything changes',
					target: 'newInfo',
					feedback:
						'Right. The Right Care, Right Person threshold for police is a crime, or a real and immediate risk to life or of serious harm, and on this information neither is present, but Daniel clearly needs a health response. Speaking to the crisis service yourself, and agreeing what they will do, means the call is handed over rather than dropped. Recording your reasoning shows how you applied the threshold, and telling Patricia to call back if anything changes keeps the door open.',
					score: 3,
					flags: []
				},
				DEPLOY_ANYWAY: {
					label: 'Send officers round anyway, just in case',
					target: 'officersAtDoor',
					feedback:
						'On what you know, Daniel needs a mental health response, not police at his door: there is no crime and no information suggesting a real and immediate risk to life. Right Care, Right Person aims to end avoidable police involvement in mental health care, because police are often not the right people to meet the need. Route it to health, with a proper handover.',
					score: -1,
					flags: ['inappropriate-deployment']
				},
				SIGNPOST: {
					label: 'The threshold is not met, so record that, give Patricia the crisis line number so she can ring them herself, and close the log',
					target: 'lateCall',
					feedback:
						'A phone number puts the whole job of finding help back on a worried mother, and nobody in health actually knows about Daniel. The threshold for police not being met does not mean nobody acts; it means the right service must actually receive the information, and a handover you have confirmed is what makes the difference.',
					score: -3,
					flags: ['call-closed-without-handover']
				}
			}
		}),
		officersAtDoor: decision({
			narrative:
				'PC Davies and PC Ahmed arrive at Daniel\'s flat. Nobody answers. The curtains are drawn, there is no sound from inside, and the neighbours have not noticed anything unusual. PC Davies radios you: "Nothing here to suggest he\'s in danger. What do you want us to do?"',
			choices: {
				STAND_DOWN: {
					label:
						'Ask them to leave a card and resume; hand the case to the mental health crisis service with the full details, agree what happens next, and update Patricia',
					target: 'newInfo',
					feedback:
						'Right. Without information suggesting a fear of serious injury, the power to enter without a warrant to save life or limb does not apply, because a general concern for welfare is not enough. What Daniel needs is a mental health response, so what matters now is a handover that health services actually pick up, and a clear message to Patricia to call back if anything changes.',
					score: 1,
					flags: []
				},
				CLOSE: {
					label: 'Tell them to resume and close the log: police have checked and there is no answer',
					target: 'lateCall',
					feedback:
						'A knock with no answer tells you nothing about whether Daniel is safe, and closing the log leaves nobody responsible for him. Whether or not police attend, an unwell man and a worried family need a service that will act, so hand it over to health and make sure they have it.',
					score: -3,
					flags: ['call-closed-without-handover']
				}
			}
		}),
		newInfo: decision({
			narrative:
				'Forty minutes later Patricia rings back, in tears. Daniel\'s sister has just had a text from him: "I\'m sorry for everything. Tell Mum I love her." He is not answering calls from anyone. A crisis worker has told Patricia they can visit Daniel this evening.',
			choices: {
				DEPLOY: {
					label:
						'The threshold is now met: grade it as an emergency, send officers now with an ambulance, update the crisis service and stay on the line with Patricia',
					target: 'atTheDoor',
					feedback:
						'Right. A message like this, from someone who is unwell and not answering, suggests a real and immediate risk to his life, and that is exactly when police respond under Right Care, Right Person. Send officers and an ambulance together, keep health involved and keep Patricia informed.',
					score: 3,
					flags: []
				},
				CRISIS: {
					label: "Pass the text on to the crisis service: they're visiting this evening anyway",
					target: 'lateCall',
					feedback:
						'A visit this evening is not fast enough when there is a real and immediate risk to life. Right Care, Right Person is about sending the right service, and once the threshold is met that includes police, now. Passing the text on and waiting hands an emergency to a team that cannot get there in time.',
					score: -3,
					flags: []
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'lateCall',
				feedback:
					'While you hesitated, the minutes went by with nobody on the way. When information comes in that points to a real and immediate risk to life, decide and deploy.',
				score: -2,
				flags: []
			}
		}),
		atTheDoor: decision({
			narrative:
				'PC Davies and PC Ahmed reach Daniel\'s flat ten minutes later, with an ambulance a few minutes behind. They radio: there is no answer, but through the letterbox they can see Daniel lying on the hallway floor, moving a little but not responding to his name. "We\'re going in," PC Davies says.',
			choices: {
				SUPPORT: {
					label:
						"Acknowledge, log the time and their reason for entry, give them the ambulance's arrival time and pass on his medication history and what Patricia told you",
					target: 'inside',
					feedback:
						'Right. Officers may enter without a warrant to save life or limb where they fear serious injury, and a man lying on the floor, not responding, behind a locked door is that situation. Your job is to support them with information and resources and to log what happened and why.',
					score: 2,
					flags: []
				},
				KEY: {
					label: 'Tell them to wait while you try to find someone with a key',
					target: 'harmed',
					feedback:
						'A man lying on the floor who does not respond is a life-threatening emergency, and every minute spent looking for a key is a minute without help. The power to enter to save life exists for exactly this situation.',
					score: -3,
					flags: []
				}
			}
		}),
		inside: decision({
			narrative:
				'Daniel is conscious now, sitting against the hallway wall, thin and confused. He says he took "a lot" of his old tablets this morning and wants everyone to leave. The paramedic wants him in hospital. PC Davies radios you: "He\'s refusing to go. Can we use section 136 and take him to the suite, or the Mental Capacity Act? And can you get someone from mental health on the phone?"',
			choices: {
				RELAY: {
					label:
						'Tell them section 136 cannot be used in his home and the Mental Capacity Act is no substitute; the paramedics lead on his treatment; put them through to the crisis service; log it',
					target: 'safe',
					feedback:
						'Right. Section 136 cannot be used in a house, flat or room where a person lives, and policing commentary on a case involving the Met reports that using the Mental Capacity Act to remove someone from their home to a place of safety for a Mental Health Act assessment was accepted to be unlawful. The overdose is a medical emergency: the paramedics will decide whether Daniel has capacity to refuse treatment and, if he lacks it, what is in his best interests. If he needs a Mental Health Act assessment at home, the route is through an approved mental health professional, with a warrant under section 135(1) if it is needed.',
					score: 2,
					flags: []
				},
				S136: {
					label: 'Tell them to detain him under section 136 and take him to the place of safety',
					target: 'unlawful',
					feedback:
						'Section 136 cannot be used in a house, flat or room where someone lives, so detaining Daniel under it in his flat would be unlawful. His overdose is a medical emergency for the paramedics to lead, and if he needs a Mental Health Act assessment, that goes through an approved mental health professional.',
					score: -3,
					flags: ['unlawful-detention']
				},
				MCA: {
					label: 'Tell them to use the Mental Capacity Act to take him to the section 136 suite for assessment',
					target: 'unlawful',
					feedback:
						'The Mental Capacity Act is not a substitute for section 136: policing commentary on a case involving the Met reports that using it to remove someone from their home for a Mental Health Act assessment was accepted to be unlawful. The Act can support emergency medical treatment for someone who lacks capacity, but that is a decision for the paramedics about his overdose, not a route to a place of safety.',
					score: -3,
					flags: ['unlawful-detention']
				}
			}
		}),
		lateCall: decision({
			narrative:
				'Patricia rings again, and this time she can barely speak. Daniel has sent his sister a text: "I\'m sorry for everything. Tell Mum I love her." Nobody from health has been to see him yet, and he is still not answering his phone. "Please," Patricia says. "Please send someone."',
			choices: {
				DEPLOY_NOW: {
					label: 'Grade it as an emergency and send officers and an ambulance now; update the crisis service',
					target: 'harmed',
					feedback:
						'Right, and it has to happen now: this information suggests a real and immediate risk to life, which is when police respond under Right Care, Right Person. Send officers and an ambulance together, and tell the crisis service what is happening.',
					score: 1,
					flags: []
				},
				CRISIS_AGAIN: {
					label: 'Tell her to keep trying the crisis line, and close the call',
					target: 'riskOfDeath',
					feedback:
						'This is a real and immediate risk to life, and the Right Care, Right Person threshold for police is met. Closing the call again leaves Daniel with nobody on the way.',
					score: -3,
					flags: ['call-closed-without-handover']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'riskOfDeath',
				feedback: 'While you hesitated, nobody was sent. Once there is a real and immediate risk to life, deploy without delay.',
				score: -3,
				flags: []
			}
		}),
		safe: ending(),
		harmed: ending(),
		riskOfDeath: ending(),
		unlawful: ending()
	}
});
