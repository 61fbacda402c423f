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
		safe: ending({
			outcome: 'safe-resolution',
			title: "Mr Ellis is protected, and Aaron's care goes on",
			narrative:
				"Aaron's leave is postponed while the team reviews his risk. Police officers visit Mr Ellis that evening and give him advice. Aaron is angry when you tell him what you have shared and why, but a week later he says he is glad nobody let him do something he could not take back.",
			debrief:
				"The threat to Mr Ellis reached the people who could protect him, and only what they needed went with it, because you took it to the responsible clinician, shared the specific threat with the police and recorded why. Look back at your decisions above for how you got here. The safest route takes a message from the employer without confirming anything; helps Kwame give his statement and sends the request for Aaron's records through the people who decide such requests; listens to Aaron's mother while respecting his capable wishes, and asks him again; and shares a specific threat to a named person in the public interest. The law: sharing confidential information must pass two tests, the common-law duty of confidentiality (consent, a legal requirement, or the public interest, such as preventing serious harm) and data protection law (for public bodies usually public task, with exemptions for safeguarding and preventing crime). Decisions must be necessary, proportionate and recorded. Sharing engages the right to respect for private life under Article 8, but does not breach it where it is lawful and proportionate. Ask the person first unless that would risk harm or prejudice an investigation.",
			learnMore: [
				{ module: 'working-together', section: 'sharing-information-lawfully', label: 'Sharing information lawfully' },
				{ module: 'working-together', section: 'families-and-carers', label: 'Families and carers' }
			]
		}),
		neighbourHarmed: ending({
			outcome: 'harm',
			title: 'The threat stays on the ward',
			narrative:
				"Aaron's escorted leave goes ahead the next day. He slips away from the nurse escorting him and goes to his street. Mr Ellis, who had no warning, is threatened at his front door and injured before police arrive.",
			debrief:
				"Aaron made a specific threat, with a means, against a named person, and nobody outside the ward was told. The common-law duty of confidentiality allows disclosure without consent where it is justified in the public interest, for example to prevent serious harm, and data protection law permits sharing for purposes such as the prevention of crime. A threat like this needed the same day: the responsible clinician told so that leave and risk are reviewed; the police told what they need to protect Mr Ellis; Aaron told what was shared unless that would increase the risk; and the decision recorded with its basis. Refusing to share anything can harm people as surely as sharing everything. Poor communication between agencies featured in the Adebowale Commission's findings and in the Kevin Clarke inquest.",
			learnMore: [
				{ module: 'working-together', section: 'sharing-information-lawfully', label: 'Sharing information lawfully' },
				{ module: 'working-together', section: 'protocols-and-escalation', label: 'Protocols and escalation' }
			]
		}),
		overshared: ending({
			outcome: 'confidentiality-breached',
			title: 'The threat is passed on, and so is everything else',
			narrative:
				"Police visit Mr Ellis and he is safe. But Aaron's full clinical record now sits in a police inbox. When Aaron finds out, he stops talking to the team about what is going on in his head, and his family complain, and the trust investigates it as a data breach.",
			debrief:
				"You were right to tell the police about the threat: a specific threat, with a means, against a named person can justify disclosure in the public interest. But the police needed to know who was at risk, from whom and what was said, not Aaron's whole record. Every decision to share must be necessary and proportionate to its purpose, and recorded. Sharing too much has costs of its own: it breaches a person's privacy, can breach data protection law, and can cost the trust that makes people tell staff what is really happening. When time allows, your information governance lead or Caldicott Guardian can help you decide what to share; a threat to life should never wait for them.",
			learnMore: [{ module: 'working-together', section: 'sharing-information-lawfully', label: 'Sharing information lawfully' }]
		}),
		notesHandedOver: ending({
			outcome: 'confidentiality-breached',
			title: "Aaron's notes leave the ward in a police folder",
			narrative:
				"PC Hughes leaves with a copy of Aaron's notes, including years of history that have nothing to do with the assault. When the trust's information governance lead finds out, the disclosure is investigated as a data breach, and Aaron is told. He refuses to speak to anyone on the ward for days.",
			debrief:
				'A police request is not, by itself, a lawful basis for handing over a clinical record. The common-law duty of confidentiality allows disclosure with consent, where the law requires it, or where the public interest justifies it; data protection law requires the sharing to be necessary and proportionate, for a stated purpose, and recorded. NHS guidance on sharing with the police says each request should be considered on its facts, usually asking the patient first unless that would risk harm or prejudice an investigation. The right response was to help Kwame give his statement, ask PC Hughes to set out what he needed and why, refer the request to your information governance lead or Caldicott Guardian, and record it. Over-sharing breaks trust as surely as refusing to share breaks safety.',
			learnMore: [{ module: 'working-together', section: 'sharing-information-lawfully', label: 'Sharing after an incident' }]
		})
	}
});
