import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'sharing-information-ward',
	initial: 'employer',
	states: {
		employer: decision({
			narrative:
				"It is 08:30. The ward phone rings and a healthcare assistant passes it to you. The caller says he is Aaron Price's line manager. \"Aaron hasn't been in for a week and his phone's off. His flatmate said he might be with you. Is he there? I need to know what's wrong with him and when he'll be back, for HR.\"",
			choices: {
				NEITHER: {
					label:
						'Say politely that you cannot confirm or deny whether anyone is a patient; offer to take his name and number and pass on a message if there is anyone of that name on the ward',
					target: 'police',
					feedback:
						'Right. The fact that someone is a patient on a mental health ward is itself confidential health information. There is no consent, no legal requirement and no public interest in telling an employer. Taking a message lets Aaron decide; later that morning he rings his manager himself.',
					score: 2,
					flags: []
				},
				CONFIRM: {
					label: 'Confirm that Aaron is on the ward, but say nothing about why',
					target: 'police',
					feedback:
						"Confirming that Aaron is on a mental health ward tells his employer something about his health that he has not agreed to share. Confidential information may be shared with consent, where the law requires it, or where the public interest justifies it; none applies to an employer's HR question. Take a message and let Aaron decide.",
					score: -1,
					flags: ['excessive-disclosure']
				},
				EXPLAIN: {
					label: 'Tell him Aaron is unwell and on the ward, and that he is likely to be off work for several weeks',
					target: 'police',
					feedback:
						'You have told an employer that Aaron is a patient, that he is unwell and how long he may be off, without his agreement and with no lawful basis. That could affect his job and his trust in the ward. Take a message and let Aaron decide what his employer is told.',
					score: -3,
					flags: ['excessive-disclosure']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'police',
				feedback:
					'While you hesitated, the healthcare assistant took the phone back and said "He\'s asleep at the moment, can I take a message?", which confirmed that Aaron is on the ward. Everyone who answers the ward phone needs to know the simple answer: we cannot confirm or deny, but we can take a message.',
				score: -1,
				flags: ['excessive-disclosure']
			}
		}),
		police: decision({
			narrative:
				"At 10:00, PC Hughes arrives on the ward. Kwame rang 101 last night to report the assault. PC Hughes wants to take a statement from Kwame, and asks you: \"Can I have a copy of Aaron Price's medical notes, his diagnosis and medication, and anything he's said about what happened? It'll help with the file.\"",
			choices: {
				PROPER: {
					label:
						"Arrange a private room for Kwame to give his statement, with his agreement; for Aaron's records, ask PC Hughes to set out the request and its purpose, refer it today to your information governance lead or Caldicott Guardian, and meanwhile confirm only the facts of the incident needed now; record the request and what you shared",
					target: 'mother',
					feedback:
						'Right. Kwame has every right to report a crime against him, and helping him do it is part of caring for him. NHS guidance on sharing with the police says some disclosures are required by law and others are permitted, for example in connection with serious crime; each request should be considered on its facts, with the patient usually asked first unless that would risk harm or prejudice an investigation. The body asking should state a legitimate purpose, and the decision must be necessary, proportionate and recorded.',
					score: 3,
					flags: []
				},
				HAND_NOTES: {
					label: "Photocopy Aaron's notes and give them to PC Hughes: the police have asked, so it must be lawful",
					target: 'notesHandedOver',
					feedback:
						"A request from the police is not, on its own, a lawful basis for handing over a whole clinical record. Someone must decide what, if anything, is necessary and proportionate for the stated purpose, usually after asking the patient, and record why. Aaron's notes contain far more than an assault investigation needs.",
					score: -3,
					flags: ['excessive-disclosure']
				},
				REFUSE_ALL: {
					label: 'Tell PC Hughes the ward never shares anything with the police without a court order, and that he cannot see Kwame on the ward',
					target: 'mother',
					feedback:
						'Kwame is a victim of an assault and wants to report it; stopping the police from taking his statement fails him. And "never without a court order" is not the law: some disclosures to the police are required or permitted, and each request should be considered on its facts. PC Hughes came back that afternoon with his inspector, and Kwame gave his statement in the car park.',
					score: -3,
					flags: ['information-withheld']
				}
			}
		}),
		mother: decision({
			narrative:
				"At 13:00 Aaron's mother rings. \"I've heard something happened on the ward. Is Aaron all right? Is he in trouble with the police?\" Aaron's care plan records that, when he was admitted, he asked for his mother not to be given information about his care; his capacity to make that decision was assessed and recorded.",
			choices: {
				LISTEN_ASK: {
					label:
						"Listen to what she wants to tell you and what worries her; explain honestly that you cannot share information about Aaron's care without his agreement; offer to ask him again whether she can be told anything, and give her the carers' support details",
					target: 'threat',
					feedback:
						"Right. Listening is not disclosing: you can always hear what a relative tells you, and she tells you Aaron became very frightened of a neighbour in the weeks before he came in. Aaron's wishes stand, but asking him again is good practice; this time he agrees she can be told he is safe and getting better. The Triangle of Care asks staff to keep asking people how they want their family involved.",
					score: 3,
					flags: []
				},
				TELL: {
					label: 'She is his mother and she is worried: tell her about the assault and the police',
					target: 'threat',
					feedback:
						'Aaron made a capable decision that his mother should not be given information about his care, and nothing here overrides it: there is no consent, no legal requirement and no risk of serious harm that sharing would prevent. Listen to her, explain what you can and cannot say, and ask Aaron again.',
					score: -3,
					flags: ['excessive-disclosure']
				},
				HANG_UP: {
					label: 'Tell her you cannot discuss any patient, and end the call',
					target: 'threat',
					feedback:
						"You could not tell her about Aaron's care, but you could listen. Relatives often hold information that matters; she knew something about a neighbour that the team needed to hear. And a carer has needs of her own: tell her where she can get support.",
					score: -2,
					flags: ['family-ignored']
				}
			}
		}),
		threat: decision({
			narrative:
				'At 16:00 Aaron asks to speak to you. He is calm and deliberate. He tells you that his neighbour, Mr Ellis at number 12, poisoned his dog, and that when he gets out he is "going to sort him out properly". He says he knows where he can get a knife. Aaron is due to start escorted leave tomorrow.',
			choices: {
				ACT_SHARE: {
					label:
						"Tell the responsible clinician now so the risk and tomorrow's leave are reviewed; with the team, and the Caldicott Guardian if there is time, decide to tell the police about the specific threat to Mr Ellis; tell Aaron you are doing so unless that would increase the risk; record the decision, the basis and what was shared",
					target: 'safe',
					feedback:
						'Right. A specific threat to a named person, with a means, is the kind of serious risk of harm that can justify sharing confidential information in the public interest without consent. Share what the police need to protect Mr Ellis (who is at risk, from whom, what was said) and no more, and record why. The clinical team reviews his leave the same afternoon.',
					score: 3,
					flags: []
				},
				KEEP_IN_TEAM: {
					label: 'Record it in his notes and tell the team, but share nothing outside the hospital: it is confidential, and he is unwell',
					target: 'neighbourHarmed',
					feedback:
						'Confidentiality is not absolute. Disclosure can be justified in the public interest to prevent serious harm, and a specific threat with a knife against a named neighbour is exactly that. Keeping it inside the team leaves the one person at risk, and the police who could protect him, knowing nothing.',
					score: -3,
					flags: ['information-withheld']
				},
				SEND_EVERYTHING: {
					label: "Email the police Aaron's full record and risk history, so they have everything",
					target: 'overshared',
					feedback:
						'Telling the police about the threat was right; sending the whole record was not. The police need to know who is at risk, from whom, and what was said. His diagnosis history, medication and everything else in his record do not help protect Mr Ellis, and sharing them is neither necessary nor proportionate.',
					score: -2,
					flags: ['excessive-disclosure']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'neighbourHarmed',
				feedback:
					"While you hesitated, the shift ended and the threat was written in Aaron's notes but passed to no one else. A threat against a named person needs a decision the same day, by the clinical team and, where there is time, with advice from your Caldicott Guardian.",
				score: -3,
				flags: ['information-withheld']
			}
		}),
		safe: ending(),
		neighbourHarmed: ending(),
		overshared: ending(),
		notesHandedOver: ending()
	}
});
