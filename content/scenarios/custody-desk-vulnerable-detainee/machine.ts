import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'custody-desk-vulnerable-detainee',
	initial: 'booking',
	states: {
		booking: decision({
			narrative:
				'At 18:10 PC Hart brings Grace Adeyemi, 52, to your custody desk. She was arrested for taking £34 of food and toiletries from a supermarket. Her eyes are red and she keeps apologising. When you go through the risk assessment questions she answers "yes" to almost everything: yes, she understands why she is here; yes, she has health problems; yes, she feels fine. She is not sure what day it is. In her bag PC Hart found a box of prescribed tablets with a pharmacy label. The queue behind her is four deep.',
			choices: {
				SLOW: {
					label:
						'Slow down: ask open questions in plain words, check what she has understood, and note the confusion, the tablets and the constant agreement as reasons to suspect she may be vulnerable',
					target: 'vulnerable',
					feedback:
						'Right. PACE Code C says that if you have any reason to suspect a person may be vulnerable, you must treat them as vulnerable unless clear evidence dispels it. Confusion and agreeing with everything are exactly the signs Code C describes: a person who may struggle to understand their rights, may be easily confused, or may be suggestible and go along with whatever is put to them.',
					score: 3,
					flags: []
				},
				PROCESS: {
					label: 'She has agreed to everything: book her in quickly and deal with the queue',
					target: 'cell',
					feedback:
						'Saying yes to every question is not the same as understanding, and Code C lists a tendency to go along with what is suggested as a sign that a person may be vulnerable. The test is any reason to suspect vulnerability, and you have several. A long queue does not change what she needs.',
					score: -2,
					flags: []
				},
				DRUNK: {
					label: "She's probably had a drink or taken something: put her in a cell to sober up and assess her later",
					target: 'cell',
					feedback:
						'There is no sign she has been drinking, and assuming it leaves her confusion unexplained and unassessed. Confusion can have physical causes as well as mental health ones, and under Code C any reason to suspect vulnerability means treating her as vulnerable unless clear evidence dispels it.',
					score: -3,
					flags: []
				}
			}
		}),
		vulnerable: decision({
			narrative:
				'In a quieter voice, with simple questions, you learn more. Grace lives alone; her husband died in the summer. She thinks she last took her tablets "a while ago". She does not know why she took the food, and says she has not been shopping for a long time. She has a daughter, Funmi, whose number is in her phone. You record that you are treating her as vulnerable.',
			choices: {
				ALL: {
					label: 'Arrange an appropriate adult, ask the custody healthcare professional to see her, and refer her to the liaison and diversion team',
					target: 'interviewPressure',
					feedback:
						'Right. An appropriate adult supports her, helps her understand her rights and communicate, and watches that she is treated fairly. The healthcare professional can look for physical and mental health causes of her confusion and advise on her care, and the liaison and diversion service exists to identify people with mental health and other needs at their first contact with the justice system and link them to support; in London it came into custody suites as part of the response to the Adebowale Commission.',
					score: 3,
					flags: []
				},
				AA_ONLY: {
					label: 'Arrange an appropriate adult; her health can wait until after the interview',
					target: 'interviewPressure',
					feedback:
						'The appropriate adult is right, but her confusion, missed medication and recent bereavement need a health view before anything else happens, including any decision about interview. The liaison and diversion service can assess her needs and, with her consent, share what it finds to inform decisions about her case.',
					score: 0,
					flags: ['no-liaison-diversion']
				}
			}
		}),
		interviewPressure: decision({
			narrative:
				"DC Lowe, the investigating officer, comes to the desk. \"It's a simple shop theft. She admitted it to the store detective, and she's told PC Hart she doesn't want a solicitor or anyone else. The appropriate adult won't be here for ninety minutes. Can I just get her in now and get her home?\"",
			choices: {
				WAIT: {
					label: 'No: there is no interview until the appropriate adult is here and the healthcare professional has said whether she is fit to be interviewed',
					target: 'assessment',
					feedback:
						'Right. Code C says a vulnerable person should not be interviewed without an appropriate adult except in narrowly defined urgent cases, and a simple shop theft is not one. Her saying she does not want anyone does not remove the need: going along with what is suggested is one of the very vulnerabilities the safeguard is there for.',
					score: 3,
					flags: []
				},
				AGREE: {
					label: "Agree: she has said she's happy to go ahead without anyone",
					target: 'interviewed',
					feedback:
						'A vulnerable person agreeing to go ahead without help is exactly what an appropriate adult is there to guard against, because she may not understand what she is agreeing to. Code C says a vulnerable person should not normally be interviewed without an appropriate adult, and what she says without one may be unreliable.',
					score: -3,
					flags: ['no-appropriate-adult']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'interviewed',
				feedback:
					'While you were busy with the queue, DC Lowe took her into interview. As custody officer you are responsible for her rights and welfare while she is detained, so say no clearly and early.',
				score: -2,
				flags: ['no-appropriate-adult']
			}
		}),
		assessment: decision({
			narrative:
				'The healthcare professional sees Grace. She finds no physical illness that would explain the confusion, but Grace is very low, has not eaten properly for days and has not taken her antidepressants for more than a week. Quietly, Grace tells her she "doesn\'t want to be here any more". The healthcare professional advises a higher level of observation. The liaison and diversion practitioner sees Grace too: she is known to her GP for depression but not to mental health services.',
			choices: {
				SAFEGUARD: {
					label:
						'Follow the advice: raise her observation level as recommended, explain to Grace why, make her cell safe in a way that respects her dignity, and record it all',
					target: 'outcome',
					feedback:
						'Right. She has told a healthcare professional she does not want to be alive, and her observation level should follow the clinical advice you have been given. Explaining what you are doing and why, and taking care over her dignity, keeps her trust while keeping her safe.',
					score: 2,
					flags: []
				},
				ROUTINE: {
					label: "She's calm and cooperative: keep her on routine checks",
					target: 'harmed',
					feedback:
						'Calm and cooperative is not the same as safe: she has just told the healthcare professional she does not want to be here any more. Setting aside clinical advice on observation puts her at risk and leaves you unable to account for your decision.',
					score: -2,
					flags: ['no-monitoring']
				}
			}
		}),
		outcome: decision({
			narrative:
				'By 22:30 the interview is over, with the appropriate adult present. Having read the liaison and diversion assessment, DC Lowe has decided to deal with the theft without charging her, and Grace is free to go. It is dark and cold, she lives alone, and she has no money for the bus.',
			choices: {
				PLAN: {
					label:
						'With her agreement, ask Funmi to collect her; check the liaison and diversion referral has gone to her GP or the crisis team; record the plan',
					target: 'safe',
					feedback:
						"Good. Release is a risky moment for someone who has just said she does not want to be alive, and a plan covers who she goes home with and who follows her up. Liaison and diversion services share information with the person's consent, and asking how she wants her daughter involved respects her while making sure she has support.",
					score: 2,
					flags: []
				},
				LEAVE: {
					label:
						"Release her now: she's an adult and free to go, so give her a leaflet with the crisis line and local services, and note it on the custody record",
					target: 'releasedAlone',
					feedback:
						'Sending a confused, very low woman who has said she does not want to be alive out alone into the night, with a leaflet, leaves all the risk with her. A release plan, agreed with her and shared with the services that will follow her up, is part of your duty of care, and so is asking whether she wants her daughter told.',
					score: -3,
					flags: ['no-handover', 'family-ignored']
				}
			}
		}),
		cell: decision({
			narrative:
				'Grace has been in a cell for forty minutes. On the camera she is sitting on the edge of the bench, rocking slightly. At the check, the detention officer tells you she is crying and keeps asking where she is and whether her husband knows she is here.',
			choices: {
				RETHINK: {
					label: 'Think again: treat her as vulnerable, call an appropriate adult and the healthcare professional, and refer her to liaison and diversion',
					target: 'interviewPressure',
					feedback:
						'Right, and it is not too late. Her confusion and distress are reasons to suspect she is vulnerable, and under Code C that means treating her as vulnerable unless clear evidence dispels it. Record why your view has changed.',
					score: 1,
					flags: []
				},
				LEAVE_HER: {
					label: "She's settled enough: leave her until the investigating officer is ready",
					target: 'interviewed',
					feedback:
						'Rocking, crying and not knowing where she is are not signs of someone settling. Under Code C any reason to suspect vulnerability means treating her as vulnerable, with an appropriate adult and a health assessment; leaving her alone in a cell lets the risk grow unseen.',
					score: -2,
					flags: []
				}
			}
		}),
		interviewed: decision({
			narrative:
				'Grace has been interviewed without an appropriate adult. She agreed with everything put to her, including things the CCTV does not show. Back in the cell corridor she tells the detention officer she is "tired of everything". DC Lowe says the file is ready.',
			choices: {
				REMEDY: {
					label:
						'Put it right now: tell the duty inspector, record what happened, call an appropriate adult and the healthcare professional, refer her to liaison and diversion, and flag that the interview may be unreliable',
					target: 'lateSafeguards',
					feedback:
						'Right. The safeguards should have been in place from the start, but she still needs them now, especially after what she has just said. Being open about what went wrong and recording it is part of putting it right.',
					score: 1,
					flags: []
				},
				RELEASE: {
					label: "She's admitted it: finish the paperwork and release her",
					target: 'releasedAlone',
					feedback:
						'She has just said she is tired of everything, and nobody with health training has seen her. Releasing her without an assessment or a plan adds a second failure to the first, and her interview may be unreliable because she agreed to things the evidence does not show.',
					score: -3,
					flags: ['no-liaison-diversion', 'no-handover']
				}
			}
		}),
		safe: ending(),
		lateSafeguards: ending(),
		releasedAlone: ending(),
		harmed: ending()
	}
});
