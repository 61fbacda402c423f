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
		safe: ending({
			outcome: 'safe-resolution',
			title: 'Grace goes home with her daughter',
			narrative:
				'Funmi arrives just after eleven and holds her mother for a long time at the front desk. Two days later the liaison and diversion team hears that Grace has seen her GP, her treatment has restarted and a bereavement service will be in touch.',
			debrief:
				'Grace was interviewed only with an appropriate adult present and after a healthcare professional had seen her, her observation followed clinical advice, and she left with a release plan that involved her daughter. Look back at your decisions above for how you got there. The safest route sees past her constant agreement to the vulnerability underneath it from the first minute and puts every safeguard in place at once: an appropriate adult, the healthcare professional and a liaison and diversion referral. Where your path booked her in quickly, assumed she was drunk or left her health until after the interview, that is where this could have gone the other way. Code C says that if an officer has any reason to suspect that a person may be vulnerable, they must be treated as vulnerable unless clear evidence dispels it, and vulnerability includes being prone to confusion, suggestibility or going along with whatever is put to them. An appropriate adult helps the person understand their rights and communicate, and watches that police act properly and fairly. Liaison and diversion services now cover the whole of England, and came into London custody suites as part of the response to the Adebowale Commission, which heard that people in crisis often felt they had been treated as criminals. Remember: the person who agrees with everything is often the one who most needs someone on their side.',
			learnMore: [
				{ module: 'custody-vulnerable-people', section: 'any-reason-to-suspect', label: 'Any reason to suspect' },
				{ module: 'custody-vulnerable-people', section: 'liaison-and-diversion', label: 'Liaison and diversion' },
				{ module: 'custody-vulnerable-people', section: 'release-planning', label: 'Release planning' }
			]
		}),
		lateSafeguards: ending({
			outcome: 'delayed-care',
			title: 'Grace gets help, but late',
			narrative:
				'That night Grace is seen by the healthcare professional and the liaison and diversion team, and Funmi comes to collect her. Her interview is unlikely to be usable, and the case is reviewed. Grace will remember the hours before anyone helped her.',
			debrief:
				'Grace did get help in the end, but only after she had been interviewed without an appropriate adult and without a health assessment. Code C says that any reason to suspect vulnerability means treating a person as vulnerable unless clear evidence dispels it, and a vulnerable person should not normally be interviewed without an appropriate adult. Her agreement to go ahead without one did not remove the need, because going along with whatever is suggested is one of the vulnerabilities the safeguard exists for. An interview without those safeguards may be unreliable and unfair, and it was also a missed chance to understand why a grieving woman took food from a supermarket. The lesson: when someone agrees with everything, slow down and ask why.',
			learnMore: [
				{ module: 'custody-vulnerable-people', section: 'the-appropriate-adult', label: 'The appropriate adult' },
				{ module: 'recognising-distress', section: 'the-vulnerability-test', label: 'The vulnerability test' }
			]
		}),
		releasedAlone: ending({
			outcome: 'delayed-care',
			title: 'Grace is released alone',
			narrative:
				'Grace leaves the police station at 23:00, alone, with a leaflet. Nobody tells her daughter. Three days later Funmi finds her at home, not eating and barely speaking, and rings the GP in tears. Grace is admitted to hospital.',
			debrief:
				'Grace left custody with none of the support she needed: no plan, nobody told, and, depending on the route you took, no health assessment or liaison and diversion referral either. Release from custody is a risky moment for someone who is low, confused and recently bereaved. Liaison and diversion services exist to identify people with mental health and other needs at their first contact with the justice system, and with consent they can share their assessment and link the person to support. Good practice with families is to ask the person how they want family and friends involved; families told the Adebowale Commission they wanted to be engaged more. A release plan, agreed with Grace and involving her daughter if she wished, might have meant she was seen days earlier.',
			learnMore: [
				{ module: 'custody-vulnerable-people', section: 'release-planning', label: 'Release planning' },
				{ module: 'equality-families', section: 'families-and-carers-as-partners', label: 'Families and carers as partners' }
			]
		}),
		harmed: ending({
			outcome: 'harm',
			title: 'Grace harms herself in her cell',
			narrative:
				'At the next routine check, the detention officer finds that Grace has tried to harm herself. Staff act quickly and she is taken to hospital by ambulance. She survives, but that night will stay with her, and with the staff who found her.',
			debrief:
				'Grace told a healthcare professional that she did not want to be here any more, and the level of observation did not follow the advice that came with it. Calm and cooperative behaviour can hide serious risk, especially in someone who is bereaved, low and has stopped her medication. Once you have clinical advice, observation should follow it, and any decision to do otherwise has to be justified and recorded. Of the 55 cases the Adebowale Commission reviewed, 45 were deaths before or after police contact, most of them suicides, which is why what people say about wanting to die must change what custody staff do next. If you were involved in an incident like this, make use of the support available to you.',
			learnMore: [
				{ module: 'custody-vulnerable-people', section: 'healthcare-in-custody', label: 'Healthcare in custody' },
				{ module: 'staff-wellbeing', section: 'after-a-distressing-incident', label: 'After a distressing incident' }
			]
		})
	}
});
