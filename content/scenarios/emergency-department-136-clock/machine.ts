import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'emergency-department-136-clock',
	initial: 'arrival',
	states: {
		arrival: decision({
			narrative:
				"It is 00:05. Maria Santos is lying on a trolley in cubicle 14 with a drip running, her knees pulled up, crying quietly. The two officers who followed the ambulance, PC Frost and PC Rahman, are standing by the curtain with their coats on. PC Frost says: \"Right, she's all yours. The 24 hours doesn't start until she's fit and goes over to the 136 suite, so you've got plenty of time. We've got calls stacking up.\" The department's nurse in charge is at the next cubicle.",
			choices: {
				HANDOVER: {
					label:
						"Record 23:50, her arrival here, as the start of the 24 hours; ask the officers for a full handover in person, and agree with the department's nurse in charge, under your local agreement, whether they can leave now",
					target: 'referral',
					feedback:
						'Right. Where a person is taken to a place of safety, the 24 hours starts on arrival at the first one, and government guidance on the 2017 changes treats an emergency department as a place of safety for this purpose. The clock started at 23:50 and does not restart if she moves to the 136 suite. A handover in person gets you what the ambulance notes will not: why the officers used section 136, who they consulted, any force used, what Maria said about risk, and who her family are. Local agreements set out when officers can hand over and leave; deciding it with the nurse in charge makes it a shared, recorded decision.',
					score: 3,
					flags: []
				},
				CLOCK_LATER: {
					label: 'Note that the 24 hours will start when she is medically fit and moves to the 136 suite, and let the officers go after a quick word',
					target: 'wrongClock',
					feedback:
						'The clock does not wait for her to be medically fit. It started when she arrived at the first place of safety, and guidance on the 2017 changes treats an emergency department as one. Writing the wrong start time on her record puts everyone working to the wrong deadline, and a "quick word" is not a handover.',
					score: -3,
					flags: ['detention-clock-not-tracked']
				},
				LET_GO: {
					label: 'Let the officers go now: the ambulance crew have already handed over to the department',
					target: 'noHandover',
					feedback:
						"The ambulance crew's handover is about her physical condition on the way here. Only the officers know why they detained her, who they consulted, whether any force was used and what she told them about risk. Let them go when the handover is done and the department has agreed, not before.",
					score: -2,
					flags: ['no-handover']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'noHandover',
				feedback:
					'While you hesitated, the officers were called to an urgent job and left with a wave: "She\'s all yours." The handover is the moment to ask; once officers have gone, getting their account takes far longer.',
				score: -2,
				flags: ['no-handover']
			}
		}),
		noHandover: decision({
			narrative:
				'It is 00:20 and the officers have gone. The ambulance record gives her arrival time, 23:50, and says "s136, police on scene". Nothing else: not why she was detained, who was consulted, whether she was restrained, or what she said about wanting to die. Maria asks where her phone is. She says her sister will be worried.',
			choices: {
				RING_BACK: {
					label:
						'Ask the police control room to have the officers call you, take their account over the phone, and record it with her arrival time, 23:50, as the start of the 24 hours',
					target: 'referral',
					feedback:
						"Good recovery. The officers' account is evidence the AMHP and doctors will need, and the arrival time fixes the clock: the 24 hours started at 23:50 in this department and will not restart if she moves to the 136 suite. Next time, get the handover before they leave.",
					score: 1,
					flags: []
				},
				CARRY_ON: {
					label: "Carry on without it: you have the ambulance notes, and the officers' account can wait for the assessment",
					target: 'referral',
					feedback:
						"The assessment will be made without knowing why she was detained, what she said or whether force was used. Record her arrival time as the start of the 24 hours, and get the officers' account through the control room while they can still remember it clearly.",
					score: -2,
					flags: ['no-handover']
				}
			}
		}),
		wrongClock: decision({
			narrative:
				'It is 01:00. The emergency department registrar tells you Maria\'s overdose needs several hours of treatment and she should be medically fit for a Mental Health Act assessment at about 09:00. Her record says: "s136. Detention period to start on transfer to 136 suite." You are about to decide when to call the AMHP service.',
			choices: {
				CHECK: {
					label: 'Check the start time with the AMHP service now, correct the record to her arrival at 23:50, and refer her for assessment',
					target: 'night',
					feedback:
						'Right. Checking, and correcting the record openly, puts everyone on the right deadline: the detention ends at 23:50 tonight unless a doctor extends it. Referring now lets the AMHP service plan the assessment for when she is fit.',
					score: 1,
					flags: []
				},
				KEEP: {
					label: 'Leave it: refer her in the morning once she is medically fit, since the clock has not started',
					target: 'clockRisk',
					feedback:
						'The clock has been running since 23:50. Waiting until she is fit before you even refer, on the wrong start time, leaves the AMHP service with hours less than anyone thinks to find doctors and assess her.',
					score: -3,
					flags: ['detention-clock-not-tracked']
				}
			}
		}),
		referral: decision({
			narrative:
				"It is 01:00. The emergency department registrar tells you Maria's overdose needs several hours of treatment and she should be medically fit for a Mental Health Act assessment at about 09:00. The AMHP service's night duty line is busy tonight.",
			choices: {
				REFER_NOW: {
					label:
						'Ring the AMHP service now: she is detained under section 136, arrived at 23:50, and should be medically fit at about 09:00, so the assessment can be planned within the 24 hours',
					target: 'night',
					feedback:
						'Right. Everyone works to the same clock, and the AMHP service needs time to arrange an AMHP and doctors. Telling them early, with the arrival time and when she is expected to be fit, is what lets the assessment happen as soon as she can take part in it.',
					score: 3,
					flags: []
				},
				WAIT_FIT: {
					label: 'Wait until she is medically fit in the morning before referring: there is no point waking the AMHP service',
					target: 'clockRisk',
					feedback:
						'Medical treatment in the emergency department can use up many of the 24 hours. Referring only when she is fit leaves the AMHP service too little time to plan. Refer as early as possible and tell them when she is expected to be ready.',
					score: -2,
					flags: ['detention-clock-not-tracked']
				}
			}
		}),
		clockRisk: decision({
			narrative:
				'It is 09:10. Maria is medically fit. You ring the AMHP service to refer her. The AMHP asks when she arrived: the ambulance record says 23:50, so the 24 hours ends at 23:50 tonight. The AMHP says the earliest she can get two doctors together is 01:00 tomorrow. "Could the department doctor just extend it?" she asks.',
			choices: {
				ESCALATE: {
					label:
						'Escalate now to your on-call manager and the AMHP team lead, with the time the detention ends, to get the assessment done before 23:50; an extension is not a fix for a shortage of doctors',
					target: 'family',
					feedback:
						"Right. The law allows the 24 hours to be extended by up to 12 hours only where a doctor certifies it is necessary, because the person's condition makes it impracticable to complete the assessment in time. Maria is fit to be assessed: the problem is the service, and the answer is to escalate it, early and specifically, and record that you did.",
					score: 2,
					flags: []
				},
				EXTEND: {
					label: 'Ask the emergency department doctor to extend the detention by 12 hours to cover the gap',
					target: 'unlawful',
					feedback:
						"An extension is for when the person's condition makes it impracticable to assess them within 24 hours, and only a doctor can certify it. Maria is fit to be assessed. Extending her detention to cover a shortage of doctors uses the power for a reason it does not allow.",
					score: -3,
					flags: ['unlawful-detention']
				},
				HOLD: {
					label: 'Keep her until the doctors come at 01:00: she is calm, and it is only an hour over',
					target: 'unlawful',
					feedback:
						'After 23:50 there is no power to keep her under section 136. An hour over is still detention without a lawful power, however calm she is and however good the intention.',
					score: -3,
					flags: ['unlawful-detention']
				}
			}
		}),
		night: decision({
			narrative:
				"Later, Maria sits up, pulls the drip out of her arm and reaches for her shoes. \"I'm fine now. I'm going home. You can't keep me locked up in here.\" A security officer has moved to the end of the cubicle and is looking at you. The emergency department nurse says her treatment is not finished.",
			choices: {
				TALK: {
					label:
						'Ask the security officer to step back, sit down with Maria, tell her honestly that she is still detained under section 136 until she has been assessed, and why, and ask what is making her want to go and what would help her stay',
					target: 'family',
					feedback:
						'Right. She is still detained, and honesty about that keeps her trust. Space, one calm voice and a real question about what she needs is de-escalation; she tells you she is frightened her sister will find out, and agrees to have the drip put back.',
					score: 3,
					flags: []
				},
				POLICE: {
					label: 'Ring the police and ask them to come back and make her stay',
					target: 'family',
					feedback:
						"By the time two officers arrived forty minutes later, an emergency department nurse had talked Maria round, and they left again. Under Right Care, Right Person police are asked to attend only where they are needed; calling them before anyone has sat down and talked with her is not that. Talking first is the ward's and the department's job.",
					score: -2,
					flags: ['inappropriate-deployment']
				},
				FREE_TO_GO: {
					label: 'Tell her she is free to go: an emergency department is not a prison',
					target: 'leftUntreated',
					feedback:
						'She is not free to go: she is detained under section 136 until she has been assessed or the time limit ends. And her overdose treatment is not finished. Telling her she can leave ends her care at the moment she most needs it.',
					score: -3,
					flags: ['detained-person-let-go']
				}
			},
			deadlineSeconds: 45,
			onHesitate: {
				target: 'family',
				feedback:
					'While you hesitated, the security officer stood in the gap in the curtain, and Maria sat back down on the trolley, sobbing. Another nurse talked with her and she agreed to stay, but she felt cornered, not cared for. Lead straight away: space, honesty and a question about what she needs.',
				score: -2,
				flags: []
			}
		}),
		family: decision({
			narrative:
				'Reception puts a call through to you. A woman says she is Lucia, Maria\'s sister. "Is she there? She sent me a message last night saying goodbye and sorry for everything. I\'ve rung every hospital in south London." Maria is awake in cubicle 14. You have not yet asked her about her family.',
			choices: {
				ASK_MARIA: {
					label:
						'Listen to everything Lucia can tell you, take her number and say you will call her back shortly; then ask Maria whether she wants her sister told she is here and involved, and call Lucia back with her answer',
					target: 'assessment',
					feedback:
						'Right. Listening is not disclosing: what Lucia tells you, including the goodbye message, is risk information the assessment needs. Maria is awake and able to answer, so ask her first how she wants her family involved, as the Triangle of Care expects. She says yes, she wants Lucia to come.',
					score: 2,
					flags: []
				},
				TELL_ALL: {
					label: 'Tell Lucia everything: Maria is here, detained under section 136 after an overdose, and waiting for a Mental Health Act assessment',
					target: 'assessment',
					feedback:
						'Maria is awake and could have been asked in a few minutes. Confidential information can be shared with consent, where the law requires it, or where it is justified in the public interest, and none of those needed the whole story told to a caller you had not checked. Listen first, then ask Maria.',
					score: -2,
					flags: ['excessive-disclosure']
				},
				REFUSE: {
					label: 'Tell Lucia you cannot confirm or deny whether anyone is a patient, and end the call',
					target: 'assessment',
					feedback:
						'You can always listen. Lucia knows about a goodbye message that the AMHP and doctors need to hear, and ending the call loses it. Take her number, ask Maria how she wants her family involved, and call back.',
					score: -2,
					flags: ['family-ignored']
				}
			}
		}),
		assessment: decision({
			narrative:
				'The Mental Health Act assessment takes place in a quiet room in the department. The AMHP and doctors decide Maria does not need to be admitted: she will stay with Lucia, and the home treatment team will see her tomorrow. Her section 136 detention ends. The department needs the cubicle, and a colleague says: "Just write \'136 ended, discharged\' and let her go."',
			choices: {
				RECORD: {
					label:
						"Record the times (arrival, assessment, end of detention) and the outcome; with Maria's agreement send the plan to the home treatment team and her GP, and give her and Lucia the crisis line number",
					target: 'safe',
					feedback:
						'Right. The times show the detention was lawful from start to finish, and a plan shared with the people who will see her tomorrow, with her agreement, is what makes the end of a detention the start of care.',
					score: 2,
					flags: []
				},
				QUICK: {
					label: "Write '136 ended, discharged' and let her go with Lucia",
					target: 'lostFollowUp',
					feedback:
						'A one-line discharge leaves no record of the times that made the detention lawful, and nothing for the home treatment team to start from. Every handover is a point where a person can be lost.',
					score: -2,
					flags: ['no-recording', 'no-handover']
				}
			}
		}),
		safe: ending(),
		lostFollowUp: ending(),
		unlawful: ending(),
		leftUntreated: ending()
	}
});
