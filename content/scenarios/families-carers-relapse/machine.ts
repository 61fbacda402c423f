import { setup } from 'xstate';
import { decision, ending } from '../authoring';

export const machine = setup({}).createMachine({
	id: 'families-carers-relapse',
	initial: 'arrival',
	states: {
		arrival: decision({
			narrative:
				'You arrive at 16:55. In the ground-floor corridor Sandra, the project worker, meets you with an older woman who introduces herself as Grace, Daniel\'s mother. Grace is holding her phone tightly. "Please, before you go up," she says, "I need to tell you about Daniel." Sandra says Daniel is in his room on the first floor, "frightened, not aggressive". Sam reminds you of the violence marker on the call.',
			choices: {
				LISTEN: {
					label:
						'Take two minutes with Grace and Sandra: what has changed, what helps him, his crisis plan and care team, and the marker; then decide how to go in based on what you have heard',
					target: 'withDaniel',
					feedback:
						'Right. Grace tells you Daniel stopped his medication about three weeks ago, has hardly slept, and is frightened of being "locked up" again; he calms down if people sit down and talk to him quietly, and he hates the television being loud. The marker dates from an incident years ago; nobody here has seen him hurt anyone. Judge the risk on what is in front of you, and keep judging it. The Triangle of Care asks professionals to work with families as partners; what they know is evidence.',
					score: 3,
					flags: []
				},
				WAIT_POLICE: {
					label: 'Because of the violence marker, ask control for police to attend before you go in, and ask Grace to wait downstairs',
					target: 'withDaniel',
					feedback:
						'Police arrived fifty minutes later, spoke to Sandra, found no crime and no real and immediate risk, and left. Daniel watched the police car from his window and is now more frightened. Your safety matters, and if there is a real and immediate risk you should ask for police. But an old marker with no details is a reason to ask questions, not an answer: the Kevin Clarke jury found that a decision was influenced by his history rather than the situation in front of officers. The two people who know him were standing in front of you.',
					score: -2,
					flags: ['inappropriate-deployment', 'family-ignored']
				},
				GO_IN: {
					label: 'Go straight up to treat his hand: the family can fill in the details later',
					target: 'withDaniel',
					feedback:
						'The hand matters, but two minutes with the people who know Daniel would have told you what frightens him and what helps. Families and carers often see the warning signs first. Listening to them is part of the clinical assessment, not a delay to it.',
					score: -2,
					flags: ['family-ignored']
				}
			},
			deadlineSeconds: 60,
			onHesitate: {
				target: 'withDaniel',
				feedback:
					'While you hesitated, Sam went up ahead to look at the hand, and Grace was left in the corridor with what she wanted to tell you. Decide who you need to hear from before you go in.',
				score: -2,
				flags: ['family-ignored']
			}
		}),
		withDaniel: decision({
			narrative:
				"Daniel's door is ajar. He is sitting on the edge of his bed with a blood-soaked towel wrapped round his left hand. The television is on loud. He is whispering, as if answering someone who is not there, and he flinches when he sees your uniform.",
			choices: {
				SIT: {
					label:
						'Knock, introduce yourself and Sam by name, ask if you can come in and turn the television down, sit at his level, ask what has been happening, and ask whether he would like his mum with him',
					target: 'assess',
					feedback:
						'Right. One calm voice, your names, a quieter room and a seat at his level tell him you are not there to take him away. He says the television has been "talking about him" and that he cut his hand when he pushed the window open to "let the noise out". He asks for his mum, and Grace comes and sits by the door.',
					score: 3,
					flags: []
				},
				DOORWAY: {
					label: 'Stay in the doorway and tell him clearly that he needs to come to hospital to get his hand stitched',
					target: 'assess',
					feedback:
						'Standing in the doorway and telling him what will happen, before you know what is happening for him, is more likely to frighten him than reassure him. After a minute he lets you in, but he keeps his eyes on the door. Introduce yourself, sit down, and ask.',
					score: -1,
					flags: []
				},
				HOLD_ARM: {
					label: 'Ask Sam to hold his arm still so you can unwrap the towel and look at the cut quickly',
					target: 'struggle',
					feedback:
						'Taking hold of a frightened man before you have said who you are, or asked him anything, is force before talk, and you have no lawful basis for it: nobody has assessed whether he can decide about his own treatment. The Kevin Clarke jury found that he was largely cooperative until hands were laid on him.',
					score: -3,
					flags: ['force-first']
				}
			}
		}),
		struggle: decision({
			narrative:
				'Daniel pulls away, shouting "get off me, get off me", and backs into the corner of the room. The towel falls and his hand starts bleeding again. Grace is crying in the doorway. Sandra says she is going to ring the police.',
			choices: {
				STEP_BACK: {
					label:
						'Let go, both of you step back and give him space; say sorry, say who you are and that nobody is going to hold him, and ask Grace whether she will help you talk with him',
					target: 'concerns',
					feedback:
						'Right. Stepping back, owning the mistake and bringing in the person he trusts is de-escalation, and it is never too late for it. After a few minutes, with Grace beside him, Daniel lets you look at his hand. You explain what the cut needs and answer his questions; he can tell you in his own words why it needs repairing, and he agrees to go to hospital by ambulance if his mum comes with him.',
					score: 1,
					flags: []
				},
				PIN: {
					label: 'Take him to the floor together and hold him there until police arrive, so you can control the bleeding',
					target: 'harmed',
					feedback:
						'A cut hand that is bleeding slowly is not a reason to hold a frightened man on the floor. Restraint on the floor carries its own serious risks, including to his breathing, and it turns a patient into a struggle. Step back, and let the person he trusts help.',
					score: -3,
					flags: ['force-first']
				}
			},
			deadlineSeconds: 30,
			onHesitate: {
				target: 'harmed',
				feedback:
					'While you hesitated, Sandra called the police. Two officers arrived, saw a shouting man in a corner with blood on the floor, and took hold of him. In a moment like this, the clinician in the room needs to lead straight away: let go, step back, and talk.',
				score: -3,
				flags: ['inappropriate-deployment']
			}
		}),
		assess: decision({
			narrative:
				"You look at Daniel's hand: a deep cut across the palm, still oozing, and he cannot fully bend two of his fingers. It needs to be explored and repaired in hospital. His observations are otherwise within normal limits. Daniel pulls his hand back. \"I'm not going to hospital. They'll lock me up again.\"",
			choices: {
				CAPACITY: {
					label:
						'Help him decide: explain simply what the cut needs and why, ask what he understands and what he is afraid of, assess his capacity for this decision without assuming anything from his diagnosis, and ask whether going with his mum would help',
					target: 'concerns',
					feedback:
						'Right. The Mental Capacity Act starts from a presumption of capacity, asks you to take all practicable steps to help the person decide, and says capacity cannot be inferred from a diagnosis, appearance or behaviour. Daniel can tell you, in his own words, that the cut could stop his fingers working and that he is scared of being admitted. He agrees to go to the emergency department for his hand, by ambulance, if his mum comes with him.',
					score: 3,
					flags: []
				},
				TAKE: {
					label: 'He is clearly psychotic, so he lacks capacity: tell him he is coming, and with Sam guide him out by the arm',
					target: 'struggle',
					feedback:
						'A diagnosis, or how someone seems, is not evidence that they lack capacity: the Mental Capacity Act says capacity cannot be inferred from a condition, appearance or behaviour. You have not helped him decide or assessed his capacity for this decision, so you have no lawful basis to move him. And taking his arm is likely to confirm his fear.',
					score: -3,
					flags: ['force-first']
				},
				LEAVE: {
					label: 'He has refused: record the refusal, dress the hand and leave',
					target: 'leftAtHome',
					feedback:
						'A refusal is the start of the conversation, not the end of it. You have not helped him understand what the cut needs, asked what he is afraid of, assessed his capacity for this decision or offered the option of going with his mum. Even a capable refusal needs safety-netting, and the concerns his family have raised need to go somewhere.',
					score: -2,
					flags: ['no-handover']
				}
			}
		}),
		concerns: decision({
			narrative:
				'While Daniel finds his shoes, Grace speaks to you quietly. "This is how it started last time. He stopped his tablets three weeks ago. I rang his care coordinator on Monday and nobody rang back. The police came this morning and said there was nothing they could do." Sandra adds that night staff have logged three nights of Daniel shouting and not sleeping.',
			choices: {
				PASS_ON: {
					label:
						'Write down what Grace and Sandra have told you, in their words; ask Daniel whether he agrees to you passing these concerns to his mental health team, ring the crisis line with them, and tell Grace what you have done and how to get help if things change',
					target: 'handover',
					feedback:
						'Right. Daniel agrees, and the crisis line takes the details and says his team will contact him tomorrow. "No grounds for police powers" this morning was treated as the end of the matter; you have made it the start of a handover. Asking Daniel first keeps his trust, and telling Grace what you are doing gives the family a way back in.',
					score: 3,
					flags: []
				},
				HOSPITAL_ONLY: {
					label: 'Reassure Grace that the hospital will deal with the mental health side: your job today is his hand',
					target: 'handover',
					feedback:
						'The emergency department will see a cut hand. Unless someone passes on what Grace and Sandra have seen, nobody there will know he stopped his medication three weeks ago, or that his care coordinator has not called back. This is how concerns raised by families and carers get lost between services.',
					score: -2,
					flags: ['family-ignored']
				},
				CONFIDENTIAL: {
					label: "Tell Grace that you can't discuss Daniel's care with her, because of confidentiality",
					target: 'handover',
					feedback:
						'Listening is not disclosing: you can always hear what a relative tells you, and Daniel has asked for his mum to be with him. Ask him what he is happy for you to share with her, and take what she is telling you seriously. It is exactly the information his care team needs.',
					score: -2,
					flags: ['family-ignored']
				}
			}
		}),
		handover: decision({
			narrative:
				'At the emergency department, the triage nurse is at full stretch. "Quick version, please," she says. Daniel sits close to Grace, watching the doors.',
			choices: {
				FULL: {
					label:
						"Hand over in person: the injury and observations, his mental state, what Grace and Sandra told you, that police attended this morning, his fear of being 'locked up', that he wants his mum with him, and anything you have already passed on; ask for the psychiatric liaison team to see him",
					target: 'safe',
					feedback:
						'Right. A full handover takes a minute longer and gives the department the whole picture: a man becoming unwell again, a family who have been trying to be heard, and a reason to involve the liaison team while he is here.',
					score: 2,
					flags: []
				},
				BRIEF: {
					label: 'Give the quick version: "Hand laceration, possible tendon injury, known mental health history, calm now, mum with him"',
					target: 'missedRelapse',
					feedback:
						'Accurate, but it leaves out everything the family and the project told you. "Calm now" in a busy department is how a relapse goes unseen. Every handover is a point where a person can be lost.',
					score: -2,
					flags: ['no-handover']
				}
			}
		}),
		safe: ending(),
		missedRelapse: ending(),
		leftAtHome: ending(),
		harmed: ending()
	}
});
