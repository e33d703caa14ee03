//! The rules, case by case, on sentences from real articles.

use super::finder::source::{head_mention, opens_a_description, opens_with_apposition};
use super::roles::role_noun;
use super::*;

fn found(body: &str) -> Vec<Attribution> {
    find("", body, &[])
}

/// The words of an attribution's speaker, if it has one.
fn speaker_of(a: &Attribution) -> Option<&str> {
    a.source.as_ref().map(|s| s.span.text.as_str())
}

#[test]
fn source_first_with_that_and_time() {
    let a = found("Secretary of State Mike Pompeo on Tuesday accused Iran of having secret ties with al-Qaida.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.lemma, "accuse");
    assert_eq!(a[0].cue.stance, Stance::Accuse);
    assert_eq!(speaker_of(&a[0]), Some("Secretary of State Mike Pompeo"));
    assert_eq!(
        a[0].content.text,
        "Iran of having secret ties with al-Qaida"
    );
    assert!(!a[0].direct);
}

#[test]
fn a_say_in_something_is_a_noun_not_a_cue() {
    for body in [
        "Workers want a greater say in how the club is run.",
        "Parliament will have the final say on the budget.",
        "Lenders would get more say over the loans.",
        "There is an automatic monthly cap of say 50 pounds.",
    ] {
        let a = found(body);
        assert!(a.iter().all(|x| x.cue.lemma != "say"), "{body}: {a:?}");
    }
    let a = found("Analysts say the club is run badly.");
    assert_eq!(speaker_of(&a[0]), Some("Analysts"));
}

#[test]
fn a_family_so_far_and_alleged_ties_are_no_speakers() {
    // `family` ends in -ly but is no adverb; `so far` is one.
    let a = found("Jerry Scoggins has died at the age of 93, his family has said.");
    assert_eq!(speaker_of(&a[0]), Some("his family"), "{a:?}");
    let a = found("The director says the film is fine and has so far refused to withdraw it.");
    let refused = a.iter().find(|x| x.cue.lemma == "refuse").expect("refused");
    assert_eq!(speaker_of(refused), Some("The director"), "{a:?}");
    // `alleged` after a preposition describes the ties; nobody alleges here.
    let a = found("Turkcell is a risk because of alleged business ties with Israel.");
    assert!(a.is_empty(), "{a:?}");
}

#[test]
fn continue_reports_only_quoted_words() {
    let a = found("Sullivan will continue as president and chief executive officer.");
    assert!(a.is_empty(), "{a:?}");
    let a = found("Rain continued over central Texas into the morning hours.");
    assert!(a.is_empty(), "{a:?}");
    let a = found("\"We are willing to cooperate,\" Baker continued.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.lemma, "continue");
    assert!(a[0].direct);
}

#[test]
fn said_by_telephone_says_how_not_who() {
    let a = found("The mayor said by telephone from Milwaukee that the plant would close.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("The mayor"));
    assert_eq!(a[0].cue.span.text, "said by telephone");
    assert_eq!(a[0].content.text, "the plant would close");
    let a = found("The union will meet on Sunday, a spokeswoman for Local 222 said by phone.");
    assert_eq!(a[0].content.text, "The union will meet on Sunday");
    // People after the medium word are the agent.
    let a = found("The plan was criticised by telephone callers.");
    assert_eq!(speaker_of(&a[0]), Some("telephone callers"));
}

#[test]
fn the_occasion_before_a_cue_is_not_the_speaker() {
    for (body, speaker) in [
        (
            "Jeb Bush in a statement said the plan was wrong.",
            "Jeb Bush",
        ),
        (
            "Smith at a news conference said the plan was wrong.",
            "Smith",
        ),
        (
            "Smith in an interview with the BBC denied the report.",
            "Smith",
        ),
        (
            "Smith at a White House news conference on Tuesday denied the report.",
            "Smith",
        ),
        (
            "Reagan in a message to Congress said he had a plan.",
            "Reagan",
        ),
        (
            "Officials at the meeting said prices would rise.",
            "Officials",
        ),
    ] {
        let a = found(body);
        assert_eq!(a.len(), 1, "{body}: {a:?}");
        assert_eq!(speaker_of(&a[0]), Some(speaker), "{body}");
    }
    // A participle after the occasion describes it: `expected` is no one's.
    let a = found("Directors at a meeting expected to take place next month approved it.");
    assert!(
        a.iter().all(|x| speaker_of(x) != Some("Directors")),
        "{a:?}"
    );
    // A cue word in an aside of a preposition is a noun (`press`).
    let a = found(
        "Democratic nominee Hillary Clinton, at a later press gaggle, said, \"We will win.\"",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        speaker_of(&a[0]),
        Some("Democratic nominee Hillary Clinton")
    );
    assert_eq!(a[0].content.text, "We will win.");
}

#[test]
fn an_article_alone_is_never_the_speaker() {
    // A subject shared across `but`: the whole phrase, prepositions and all.
    let a = found("A spokesman for the firm refused to comment on the reports, but said any results would come later.");
    let said: Vec<_> = a.iter().filter(|x| x.cue.span.text == "said").collect();
    assert_eq!(said.len(), 1, "{a:?}");
    assert_eq!(speaker_of(said[0]), Some("A spokesman for the firm"));
    // A gerund's speaker is the subject of the sentence's first cue that is a
    // verb, not of a noun after a determiner (`The comments`, `The charges`).
    let a = found("The comments come after Tony Blair defended his proposals, warning that it would be wrong to wait.");
    let warning: Vec<_> = a.iter().filter(|x| x.cue.span.text == "warning").collect();
    assert_eq!(warning.len(), 1, "{a:?}");
    assert_eq!(speaker_of(warning[0]), Some("Tony Blair"));
    let a = found("The charges have been brought against individuals as well as companies, alleging they created false accounts.");
    assert!(a.iter().all(|x| speaker_of(x) != Some("The")), "{a:?}");
    // A floating `all` or `both` is neither the speaker nor the cue.
    let a = found("Marks and Spencer and Big Food all said the festive period was disappointing.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("Marks and Spencer and Big Food"));
    let a = found(
        "Tzekos, Thanou and Kenteris, who have all denied the charges, can expect a decision.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("who"));
    // `all` after `and` is the subject itself.
    let a = found("He asked the stars and all had agreed that it would be fun.");
    assert!(a.iter().any(|x| speaker_of(x) == Some("all")), "{a:?}");
}

#[test]
fn a_gerund_continues_the_speaker_of_its_sentence() {
    let gerund = |body: &str, cue: &str| {
        let a = found(body);
        let hit: Vec<_> = a.iter().filter(|x| x.cue.span.text == cue).collect();
        assert_eq!(hit.len(), 1, "{a:?}");
        speaker_of(hit[0]).map(str::to_string)
    };
    // No cue before the gerund: the main clause's subject, when it is someone.
    assert_eq!(
        gerund("Other analysts were less optimistic, predicting consumers would now be less likely to sign up.", "predicting").as_deref(),
        Some("Other analysts")
    );
    assert_eq!(
        gerund("A US woman is suing the printer maker, saying its ink cartridges are programmed to expire.", "saying").as_deref(),
        Some("A US woman")
    );
    assert_eq!(
        gerund("After Carson died, the president led the public tribute, saying the presenter had a profound influence.", "saying").as_deref(),
        Some("the president")
    );
    assert_eq!(
        gerund("The firm cut 500 jobs, saying demand had fallen.", "saying").as_deref(),
        Some("The firm")
    );
    // A subject that is no speaker, a description, or words inside a quote.
    assert_eq!(
        gerund(
            "Brent crude also rose in London trading, adding $1.89 to $48.62 at the close.",
            "adding"
        ),
        None
    );
    assert_eq!(gerund("Wimbledon was a more refreshing affair as she captivated the crowd, showing nerves of steel.", "showing"), None);
    assert_eq!(gerund("\"Xavi did things on Wednesday which were worthy of Maradona,\" the paper beams, adding, \"What a work-rate!\"", "adding"), None);
    // After a cue whose speaker was found another way (an appositive, an
    // inversion), the gerund has the same speaker.
    assert_eq!(
        gerund("However, Mr Haji-Ioannou, who plans to launch a phone service next month, vowed to fight back, saying: \"We have nothing to be afraid of.\"", "saying").as_deref(),
        Some("Mr Haji-Ioannou, who plans to launch a phone service next month")
    );
    // An aside after the subject still takes it.
    assert_eq!(
        gerund(
            "ATHENS, March 2 - Greece, responding to a warning by Turkey, said it would go on drilling.",
            "responding"
        )
        .as_deref(),
        Some("Greece")
    );
}

#[test]
fn a_progressive_speech_verb_has_its_own_subject_and_deeds_stay_out() {
    let cue_of = |body: &str| {
        let a = found(body);
        a.first().map(|x| {
            (
                x.cue.lemma,
                speaker_of(x).map(str::to_string),
                x.content.text.clone(),
            )
        })
    };
    assert_eq!(
        cue_of("Donald Trump is demanding President Barack Obama make a pledge."),
        Some((
            "demand",
            Some("Donald Trump".to_string()),
            "President Barack Obama make a pledge".to_string()
        ))
    );
    let (lemma, speaker, _) =
        cue_of("The Trades Union Congress is once again calling on the government to act.")
            .expect("calling on");
    assert_eq!(
        (lemma, speaker.as_deref()),
        ("call", Some("The Trades Union Congress"))
    );
    let (lemma, speaker, content) =
        cue_of("He's claiming that voting fraud is a big problem.").expect("claiming");
    assert_eq!(lemma, "claim");
    assert_eq!(speaker.as_deref(), Some("He"));
    assert_eq!(content, "voting fraud is a big problem");
    // Deeds in the progressive, an adjective, a possessive noun: no attribution.
    for body in [
        "More and more firms are finding themselves in deep water.",
        "Ricky Gervais is writing an episode of The Simpsons.",
        "GM is showing two concept SUVs in Detroit.",
        "The car giant is calling back 17,815 vehicles.",
        "The outlook is promising.",
        "Trump's claiming of the title surprised nobody.",
    ] {
        assert_eq!(cue_of(body), None, "{body}");
    }
}

#[test]
fn a_gerund_aside_ends_before_the_main_verb_and_shares_its_speaker() {
    let a = found("A Bank of England spokesman, commenting on the figures, said that the government does not want sterling to rise.");
    let summary: Vec<_> = a
        .iter()
        .map(|x| {
            (
                speaker_of(x),
                x.cue.span.text.as_str(),
                x.content.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                Some("A Bank of England spokesman"),
                "commenting",
                "on the figures"
            ),
            (
                Some("A Bank of England spokesman"),
                "said",
                "the government does not want sterling to rise"
            ),
        ]
    );
}

#[test]
fn a_titled_surname_taken_for_a_place_is_an_unknown_person() {
    let body = "\"The iPod mini is likely to be this year's hit,\" said Mr Irish. Ireland denied the report.";
    let mentions = [
        first_mention(body, EntityKind::Place, "Ireland", "Irish"),
        first_mention(body, EntityKind::Place, "Ireland", "Ireland"),
    ];
    let a = find("", body, &mentions);
    let speakers: Vec<_> = a
        .iter()
        .filter_map(|x| x.source.as_ref())
        .map(|s| {
            (
                s.span.text.as_str(),
                s.canonical.as_deref(),
                s.kind,
                s.affiliations.len(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        vec![
            ("Mr Irish", None, Some(EntityKind::Person), 0),
            ("Ireland", Some("Ireland"), Some(EntityKind::Place), 0),
        ]
    );
}

/// Each speaker's canonical name and affiliations, in text order.
fn canonicals_and_affiliations(a: &[Attribution]) -> Vec<(Option<&str>, Vec<&str>)> {
    a.iter()
        .filter_map(|x| x.source.as_ref())
        .map(|s| {
            let affiliations = s.affiliations.iter().map(String::as_str).collect();
            (s.canonical.as_deref(), affiliations)
        })
        .collect()
}

#[test]
fn a_firm_or_trader_of_a_place_is_not_the_place_speaking() {
    let body = "Japanese traders said prices would rise. A Soviet spokesman denied the report. The Australian firm said it would break even.";
    let mentions = [
        first_mention(body, EntityKind::Place, "Japan", "Japanese"),
        first_mention(body, EntityKind::Place, "Soviet Union", "Soviet"),
        first_mention(body, EntityKind::Place, "Australia", "Australian"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        canonicals_and_affiliations(&a),
        vec![
            (None, vec!["Japan"]),
            (Some("Soviet Union"), vec![]),
            (None, vec!["Australia"]),
        ]
    );
}

/// Each source's words and the entity it was resolved to, in text order.
fn sources_named(a: &[Attribution]) -> Vec<(&str, Option<&str>)> {
    a.iter()
        .filter_map(|x| x.source.as_ref())
        .map(|s| (s.span.text.as_str(), s.canonical.as_deref()))
        .collect()
}

#[test]
fn the_company_it_and_a_company_spokesman_are_the_firm_that_spoke_before() {
    let body = "Eagle Telephonics Inc said it signed an agreement with Pacific Bell. The company said the deal is worth 10 mln dlrs. It added that talks with the Bank of England went well. A company spokesman said the deal would close in May. The bank said it had no comment.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Org,
            "Eagle Telephonics",
            "Eagle Telephonics Inc",
        ),
        first_mention(body, EntityKind::Org, "Pacific Bell", "Pacific Bell"),
        first_mention(body, EntityKind::Org, "Bank of England", "Bank of England"),
    ];
    let a = find("", body, &mentions);
    // The Bank of England never spoke before `the bank`, so the bank stays unnamed.
    assert_eq!(
        sources_named(&a),
        vec![
            ("Eagle Telephonics Inc", Some("Eagle Telephonics")),
            ("The company", Some("Eagle Telephonics")),
            ("It", Some("Eagle Telephonics")),
            ("A company spokesman", None),
            ("The bank", None),
        ]
    );
    // The spokesman stays a person of their own, who speaks for the firm.
    assert_eq!(
        canonicals_and_affiliations(&a)[3],
        (None, vec!["Eagle Telephonics"])
    );
    let body = "The Bank of England said rates would hold. Barclays said it agreed. The central bank said inflation was low.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Org,
            "Bank of England",
            "The Bank of England",
        ),
        first_mention(body, EntityKind::Org, "Barclays", "Barclays"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("The central bank", Some("Bank of England"))),
        "the last organisation whose name holds `bank`: {a:?}"
    );
}

#[test]
fn a_declared_dividend_is_no_statement() {
    let body = "Texaco Inc said its board declared a quarterly dividend of 75 cts a share. It said the dividend is payable June 10.";
    let mentions = [first_mention(body, EntityKind::Org, "Texaco", "Texaco Inc")];
    let a = find("", body, &mentions);
    let cues: Vec<&str> = a.iter().map(|x| x.cue.span.text.as_str()).collect();
    assert_eq!(cues, vec!["said", "said"], "{a:?}");
    assert_eq!(
        sources_named(&a),
        vec![("Texaco Inc", Some("Texaco")), ("It", Some("Texaco"))]
    );
}

#[test]
fn it_stays_unnamed_after_another_subject_a_report_or_inside_a_quote() {
    // Another organisation was the subject since the firm spoke.
    let body = "GM said sales rose. Even Porsche may join the race, although it insists it is still considering the plan.";
    let mentions = [
        first_mention(body, EntityKind::Org, "General Motors", "GM"),
        first_mention(body, EntityKind::Org, "Porsche", "Porsche"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a),
        vec![("GM", Some("General Motors")), ("it", None)]
    );
    // A report spoke since: `it` is the report, which has no name.
    let body = "GM said sales rose. The report said prices fell. It found that demand was weak.";
    let mentions = [first_mention(body, EntityKind::Org, "General Motors", "GM")];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a),
        vec![
            ("GM", Some("General Motors")),
            ("The report", None),
            ("It", None)
        ]
    );
    // Inside a speaker's quote, `it` is the speaker's word for something else.
    let body = "GM said sales rose. \"I think this report hurts that,\" Nunn said. \"It claims that the council had influence.";
    let mentions = [
        first_mention(body, EntityKind::Org, "General Motors", "GM"),
        first_mention(body, EntityKind::Person, "Sam Nunn", "Nunn"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
    // A name inside another noun phrase is no subject, whatever word follows it.
    let body = "Atlantic Richfield Co said it would sell its Arco Seed Co operations. The company said the price was not set.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Org,
            "Atlantic Richfield",
            "Atlantic Richfield Co",
        ),
        first_mention(body, EntityKind::Org, "Arco Seed", "Arco Seed Co"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("The company", Some("Atlantic Richfield"))),
        "{a:?}"
    );
    // A subject after an adverb is still a subject.
    let body = "GM said sales rose. Ford now owns the plant. It said prices fell.";
    let mentions = [
        first_mention(body, EntityKind::Org, "General Motors", "GM"),
        first_mention(body, EntityKind::Org, "Ford", "Ford"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
    // A subject inside what the firm said is part of its statement.
    let body = "Foothill Group said its unit placed debt. Goldman Sachs privately placed the debt, the company said.";
    let mentions = [
        first_mention(body, EntityKind::Org, "Foothill Group", "Foothill Group"),
        first_mention(body, EntityKind::Org, "Goldman Sachs", "Goldman Sachs"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("the company", Some("Foothill Group"))),
        "{a:?}"
    );
    // After a quote it closes, `the company` is the firm again.
    let body = "GM said sales rose. \"We are pleased,\" the company said.";
    let mentions = [first_mention(body, EntityKind::Org, "General Motors", "GM")];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("the company", Some("General Motors"))),
        "{a:?}"
    );
}

#[test]
fn the_spokesman_speaks_for_the_firm_the_first_spokesman_spoke_for() {
    // Named after the firm.
    let body =
        "Prices rose 2 pct, a Chrysler spokesman said. The spokesman said the rise covers costs.";
    let mentions = [first_mention(body, EntityKind::Org, "Chrysler", "Chrysler")];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a),
        vec![
            ("a Chrysler spokesman", Some("Chrysler")),
            ("The spokesman", Some("Chrysler"))
        ]
    );
    // Tied to the firm as `a company spokesman`.
    let body = "Fiat Spa said it had no plans, a company spokesman said. The spokesman said the rise covers costs.";
    let mentions = [first_mention(body, EntityKind::Org, "Fiat", "Fiat Spa")];
    let a = find("", body, &mentions);
    let last = a.last().and_then(|a| a.source.as_ref());
    assert_eq!(
        last.map(|s| s.span.text.as_str()),
        Some("The spokesman"),
        "{a:?}"
    );
    assert_eq!(
        last.map(|s| s.affiliations.clone()),
        Some(vec!["Fiat".to_string()]),
        "{a:?}"
    );
    assert_eq!(last.and_then(|s| s.canonical.clone()), None);
}

#[test]
fn a_new_report_or_another_firm_in_between_keeps_it_unnamed_but_the_firms_own_words_do_not() {
    // A new report became the subject: `It` is that report, which has no name.
    let body = "The MDA said texting rose. But a recent report from Continental Research reflects the battle. It said that 36% never sent one.";
    let mentions = [first_mention(
        body,
        EntityKind::Org,
        "Mobile Data Association",
        "MDA",
    )];
    let a = find("", body, &mentions);
    assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
    // Sentences are split as extraction splits them: `U.S.` ends none.
    let body = "The MDA said texting rose. A U.S. report showed the opposite. It said that 36% never sent one.";
    let a = find(
        "",
        body,
        &[first_mention(
            body,
            EntityKind::Org,
            "Mobile Data Association",
            "MDA",
        )],
    );
    assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
    // The firm's own report is the firm speaking.
    let body =
        "Ifo said output fell. An Ifo report showed that engineering was hit. It added that orders fell.";
    let mentions = [
        first_mention(body, EntityKind::Org, "Ifo", "Ifo"),
        mention_at(
            body.find("Ifo report").expect("in the text"),
            EntityKind::Org,
            "Ifo",
            "Ifo",
        ),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("It", Some("Ifo"))),
        "{a:?}"
    );
    // An irregular past tense is a verb: Microsoft is the subject in between.
    let body = "Archos said the focus is video. Microsoft also made some announcements. It has agreed a deal with TiVo.";
    let mentions = [
        first_mention(body, EntityKind::Org, "Archos", "Archos"),
        first_mention(body, EntityKind::Org, "Microsoft", "Microsoft"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(sources_named(&a).last(), Some(&("It", None)), "{a:?}");
    // A short name of the same firm is no other subject.
    let body = "Stifel Financial Corp said it got a proposal. Stifel has about 3.6 mln shares outstanding. The company said its board will consider it.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Org,
            "Stifel Financial",
            "Stifel Financial Corp",
        ),
        mention_at(
            body.find("Stifel has").expect("in the text"),
            EntityKind::Org,
            "Stifel",
            "Stifel",
        ),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("The company", Some("Stifel Financial"))),
        "{a:?}"
    );
    // What `the company` said, once named, is the firm's statement too.
    let body = "First Executive Corp said its unit got funds. The company said Executive Life Insurance Co gave the capital. It said the funds total 280 mln dlrs.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Org,
            "First Executive",
            "First Executive Corp",
        ),
        first_mention(
            body,
            EntityKind::Org,
            "Executive Life Insurance",
            "Executive Life Insurance Co",
        ),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("It", Some("First Executive"))),
        "{a:?}"
    );
    // A subject in a subordinate clause is background, not the new topic.
    let body = "Cardinal Technologies said it was started by RCA managers. It was sold since General Electric bought RCA last year. The company said sales will rise.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Org,
            "Cardinal Technologies",
            "Cardinal Technologies",
        ),
        first_mention(
            body,
            EntityKind::Org,
            "General Electric",
            "General Electric",
        ),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        sources_named(&a).last(),
        Some(&("The company", Some("Cardinal Technologies"))),
        "{a:?}"
    );
}

#[test]
fn a_relative_clause_after_a_party_and_state_keeps_the_main_speaker() {
    let a = found("Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said she would vote.");
    let said: Vec<_> = a.iter().filter(|x| x.cue.span.text == "said").collect();
    assert_eq!(said.len(), 1, "{a:?}");
    assert!(
        speaker_of(said[0]).is_some_and(|s| s.starts_with("Sen. Claire McCaskill")),
        "{a:?}"
    );
    assert_eq!(said[0].content.text, "she would vote");
}

#[test]
fn a_persons_ally_or_administration_official_is_not_the_person() {
    let body = "A Brown ally rejected the claims. A Reagan administration official said the plan would work. Rep. Stangeland and other supporters said the bill would pass.";
    let mentions = [
        first_mention(body, EntityKind::Person, "Gordon Brown", "Brown"),
        first_mention(body, EntityKind::Person, "Ronald Reagan", "Reagan"),
        first_mention(body, EntityKind::Person, "Arlan Stangeland", "Stangeland"),
    ];
    let a = find("", body, &mentions);
    assert_eq!(
        canonicals_and_affiliations(&a),
        vec![
            (None, vec!["Gordon Brown"]),
            (None, vec!["Ronald Reagan"]),
            (Some("Arlan Stangeland"), vec![]),
        ]
    );
}

#[test]
fn a_group_described_by_what_it_knows_or_is_close_to_is_one_speaker() {
    for (body, speaker) in [
        (
            "Experts on North Korea and nuclear nonproliferation said the test failed.",
            "Experts on North Korea and nuclear nonproliferation",
        ),
        (
            "Sources close to the company said the talks had failed.",
            "Sources close to the company",
        ),
        (
            "People familiar with the matter said the talks had failed.",
            "People familiar with the matter",
        ),
        (
            "Economists at the bank said the talks had failed.",
            "Economists at the bank",
        ),
        (
            "Smith of the company said the talks had failed.",
            "Smith of the company",
        ),
        (
            "Exxon for the first time said the talks had failed.",
            "Exxon",
        ),
    ] {
        let a = found(body);
        assert_eq!(speaker_of(&a[0]), Some(speaker), "{body}: {a:?}");
    }
    // What experts study is neither who speaks nor whom they speak for.
    let body = "Experts on China said the talks had failed.";
    let china = first_mention(body, EntityKind::Place, "China", "China");
    let a = find("", body, &[china]);
    let source = a[0].source.as_ref().expect("a speaker");
    assert_eq!(source.span.text, "Experts on China");
    assert_eq!(source.canonical, None);
    assert!(source.affiliations.is_empty(), "{source:?}");
}

#[test]
fn names_joined_by_and_speak_together() {
    for (body, speaker) in [
        (
            "Smith and Jones said the talks had failed.",
            "Smith and Jones",
        ),
        (
            "Officials in Washington and Tokyo said the talks had failed.",
            "Officials in Washington and Tokyo",
        ),
        // A sentence adverb is no list item, and a clause before `and` is no
        // conjunct.
        ("However, S and P said the rating stands.", "S and P"),
        (
            "Prices fell in Asia and analysts said the talks had failed.",
            "analysts",
        ),
    ] {
        let a = found(body);
        let said = a.iter().find(|x| x.cue.lemma == "say").expect("said");
        assert_eq!(speaker_of(said), Some(speaker), "{body}: {a:?}");
    }
    let a = found("General Foods and A and P hope their new products will sell.");
    assert_eq!(
        speaker_of(&a[0]),
        Some("General Foods and A and P"),
        "{a:?}"
    );
    // A sentence of thousands of conjuncts is read in bounded steps.
    let body = format!(
        "{}Iraq said the talks had failed.",
        "Iran and ".repeat(20_000)
    );
    let a = found(&body);
    assert_eq!(a.len(), 1);
    // A list's first item at the sentence's start counts when it is a name.
    let body = "Paramount, Universal and Warner Brothers said they chose the format.";
    let studios: Vec<Mention> = ["Paramount", "Universal", "Warner Brothers"]
        .iter()
        .map(|name| first_mention(body, EntityKind::Org, name, name))
        .collect();
    let a = find("", body, &studios);
    assert_eq!(
        speaker_of(&a[0]),
        Some("Paramount, Universal and Warner Brothers")
    );
    let body = "Iran and Iraq said the talks had failed.";
    let iran = first_mention(body, EntityKind::Place, "Iran", "Iran");
    let iraq = first_mention(body, EntityKind::Place, "Iraq", "Iraq");
    let a = find("", body, &[iran, iraq]);
    let source = a[0].source.as_ref().expect("a speaker");
    assert_eq!(source.canonical.as_deref(), Some("Iran"));
    assert_eq!(source.affiliations, vec!["Iraq".to_string()]);
}

#[test]
fn a_that_ending_the_content_is_its_object_not_its_conjunction() {
    // `that` within a few words of the cue opens the content only when no clause
    // runs before it and it is not the sentence's last word.
    for (body, content) in [
        (
            "Officials said the latest nuclear test could change that.",
            "the latest nuclear test could change that",
        ),
        ("He said it could change that.", "it could change that"),
        (
            "But the Pentagon said there was no evidence that any British detainee was tortured.",
            "there was no evidence that any British detainee was tortured",
        ),
        (
            "The Taft family said the board did not conclude that their offer was unfair.",
            "the board did not conclude that their offer was unfair",
        ),
        (
            "He told reporters on Tuesday that the test could change that.",
            "the test could change that",
        ),
    ] {
        let a = found(body);
        // (A verb inside the content may report too: `the board did not conclude`.)
        assert!(!a.is_empty(), "{body}");
        assert_eq!(a[0].content.text, content, "{body}");
    }
    for body in [
        "Nobody can argue with that.",
        "Readers would tell you that.",
    ] {
        assert!(found(body).is_empty(), "{body}: {:?}", found(body));
    }
    let a = found("The company said that, due to insolvency, it closed the plant.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "due to insolvency, it closed the plant");
}

#[test]
fn a_plural_possessive_in_an_appositive_and_a_described_official_after_said() {
    let a = found(
        "\"We are going to win this state,\" Jeff Weaver, Sanders\u{2019} campaign manager, said.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        speaker_of(&a[0]),
        Some("Jeff Weaver, Sanders\u{2019} campaign manager")
    );
    assert!(opens_a_description("Sanders\u{2019} campaign manager"));
    assert!(opens_a_description("Sanders's campaign manager"));
    let a = found("\"Prices will rise,\" said a senior official involved in the talks.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(
        speaker_of(&a[0]).is_some_and(|s| s.starts_with("a senior official")),
        "{a:?}"
    );
    assert_eq!(a[0].content.text, "Prices will rise");
    // A subject and its past verb after `said` stay the content's.
    let a = found("Ford Motor Co of Canada, 90 pct-owned by Ford Motor Co, said February car sales fell six pct.");
    assert!(
        a.iter()
            .all(|x| speaker_of(x) != Some("February car sales fell six pct")),
        "{a:?}"
    );
}

#[test]
fn a_place_or_time_after_the_speaker_of_earlier_words_is_no_content() {
    let a = found("Trump\u{2019}s excesses are sickening, Hollande said Tuesday in Paris.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "Trump\u{2019}s excesses are sickening");
    // A wire story's lede: what was said first, then who, and where they said it.
    let a = found("Sugar production in Peru has been revised to 593,000 tonnes, the Agriculture Department said in its World Production and Trade Report.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "Sugar production in Peru has been revised to 593,000 tonnes"
    );
    // Another verb's preposition brings its content (`hinted at`).
    let a = found("Formerly an aide, Ed Balls hinted at a Budget giveaway.");
    assert!(
        a.iter()
            .any(|x| x.content.text == "a Budget giveaway"
                || x.content.text == "at a Budget giveaway"),
        "{a:?}"
    );
    // A noun that is also a cue word, right before `said`, speaks through it.
    let a = found("Jeb Bush in a Medium post said he would appoint judges.");
    assert!(a.iter().all(|x| x.cue.lemma != "post"), "{a:?}");
}

#[test]
fn a_party_and_state_between_a_name_and_its_appositive() {
    let a = found("Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said that it was committed.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert!(
        speaker_of(&a[0]).is_some_and(|s| s.starts_with("Rep. Elijah Cummings")),
        "{a:?}"
    );
    assert_eq!(a[0].content.text, "it was committed");
    let text = "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee";
    let span = Span {
        field: "body",
        start: 0,
        end: text.len(),
        text: text.to_string(),
    };
    let cummings = first_mention(
        text,
        EntityKind::Person,
        "Elijah Cummings",
        "Elijah Cummings",
    );
    assert!(opens_with_apposition(&cummings, &span));
}

#[test]
fn a_pronoun_and_a_name_after_the_words_they_said() {
    for (body, speaker) in [
        (
            "The story was about affirmative action, she and another reporter said.",
            "she and another reporter",
        ),
        (
            "It is about convincing audiences, he and Mr. Allen said.",
            "he and Mr. Allen",
        ),
    ] {
        let a = found(body);
        assert_eq!(a.len(), 1, "{body}: {a:?}");
        assert_eq!(speaker_of(&a[0]), Some(speaker), "{body}");
        assert!(!a[0].content.text.is_empty(), "{body}");
    }
}

#[test]
fn a_cue_inside_a_quote_does_not_hide_the_speaker_after_it() {
    // Read alone, `think by the end ...` has `the end` as a passive's agent and
    // runs past the quote; the quote's own speaker must still be found.
    for body in [
        "“I think by the middle of the week she’ll be out there campaigning,” Clinton campaign spokesman Brian Fallon said on Monday.",
        "\"I expect by the early 1990s the U.S. will be running a net trade surplus,\" Roderick said.",
    ] {
        let a = found(body);
        assert_eq!(a.len(), 1, "{body}: {a:?}");
        assert_eq!(a[0].cue.span.text, "said", "{body}");
        assert!(a[0].direct, "{body}");
        assert!(a[0].content.text.starts_with("I "), "{body}: {a:?}");
    }
    let a = found("“I think by the end she will win,” Fallon said.");
    assert_eq!(speaker_of(&a[0]), Some("Fallon"), "{a:?}");
}

#[test]
fn a_colon_closing_its_paragraph_introduces_the_quote_in_the_next() {
    let a = found("Trump wants to show that gun control fails. He said:\n\n\"We have a situation where our inner cities are living in hell.\"\n\nHe went on.");
    let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
    assert_eq!(said.len(), 1, "{a:?}");
    assert_eq!(
        said[0].content.text,
        "We have a situation where our inner cities are living in hell."
    );
    assert!(said[0].direct);
    // A list after the colon is no quote: the words before it stay the content.
    let a = found("Judge Rand Rubin said she must:\n\n- Spend three years on probation.");
    assert_eq!(a[0].content.text, "she must", "{a:?}");
    assert!(!a[0].direct);
}

#[test]
fn a_quote_runs_over_paragraphs_that_open_it_again_without_closing_it() {
    // Introduced by a colon: the quote is all three paragraphs.
    let a = found("The senator said:\n\n\"We will not stop here. The bill is only a start.\n\n\"We will go on to the courts.\n\n\"And we will win.\"\n\nThe vote is on Monday.");
    let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
    assert_eq!(said.len(), 1, "{a:?}");
    assert!(
        said[0].content.text.starts_with("We will not stop here."),
        "{a:?}"
    );
    assert!(said[0].content.text.ends_with("And we will win."), "{a:?}");
    assert!(said[0].direct, "{a:?}");
    // Attributed in the last paragraph: the quote began in the one before.
    let a = found("\"It's the subtleties, the eyes, the mouth.\n\n\"With more power, we can show the emotion,\" he said.");
    let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
    assert_eq!(said.len(), 1, "{a:?}");
    assert_eq!(
        said[0].content.text,
        "It's the subtleties, the eyes, the mouth.\n\n\"With more power, we can show the emotion"
    );
    assert!(said[0].direct, "{a:?}");
    // A quote continued after its cue runs on the same way.
    let a = found("\"We lost,\" he said. \"It was hard.\n\n\"We will be back.\"\n\nThe team flies home today.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].continued.len(), 1, "{a:?}");
    assert_eq!(a[0].continued[0].text, "It was hard.\n\n\"We will be back");
    // A cue inside the running quote is the speaker's own words, not an attribution.
    let a = found("The mayor said:\n\n\"They told me the bridge was safe.\n\n\"It was not.\"");
    let cues: Vec<&str> = a.iter().map(|a| a.cue.span.text.as_str()).collect();
    assert_eq!(cues, ["said"], "{a:?}");
    // A paragraph whose quote closes ends the quote there: the next one is its own.
    let a = found("\"We lost,\" he said.\n\n\"We will be back,\" the coach said.");
    let contents: Vec<&str> = a.iter().map(|a| a.content.text.as_str()).collect();
    assert_eq!(contents, ["We lost", "We will be back"], "{a:?}");
    // An excerpt opening each paragraph with a straight mark holds the speakers'
    // curly quotes: those do not carry the excerpt's paragraph on.
    let a = found("\"Kevin was snoring.\n\n“Here he is, babe,” she said.");
    let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
    assert_eq!(said.len(), 1, "{a:?}");
    assert_eq!(said[0].content.text, "Here he is, babe");
    // An unclosed quote followed by a paragraph of narrative runs on nowhere.
    let a = found("The senator said:\n\n\"We will not stop here.\n\nThe vote is on Monday.");
    let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
    assert!(
        said.iter().all(|a| !a.content.text.contains("Monday")),
        "{a:?}"
    );
}

#[test]
fn a_described_speaker_before_said_is_not_read_as_content_after_it() {
    // (speaker, content) of the one `said` in each sentence.
    for (body, speaker, content) in [
        (
            "Ford Motor Co of Canada, 90 pct-owned by Ford Motor Co, said February car sales fell six pct.",
            "Ford Motor Co of Canada, 90 pct-owned by Ford Motor Co",
            "February car sales fell six pct",
        ),
        (
            "Richard Tucker, Mobil president, said the company raised prices.",
            "Richard Tucker, Mobil president",
            "the company raised prices",
        ),
        (
            "The firms, co-managers of the underwriting group, said Paine Webber originally planned to offer 3.6 mln shares.",
            "The firms, co-managers of the underwriting group",
            "Paine Webber originally planned to offer 3.6 mln shares",
        ),
        // Still inverted: the speaker after `said` is described, not a clause.
        (
            "\"Prices will rise,\" said an unnamed official.",
            "an unnamed official",
            "Prices will rise",
        ),
        (
            "\"Prices will rise,\" said a widely respected analyst.",
            "a widely respected analyst",
            "Prices will rise",
        ),
        // A document with adjectives before it speaks (`report` is also a cue).
        (
            "The annual report said reserves fell.",
            "The annual report",
            "reserves fell",
        ),
        // A plural possessive is part of the speaker's description.
        (
            "Jeff Weaver, Sanders’ campaign manager, said the campaign raised money.",
            "Jeff Weaver, Sanders’ campaign manager",
            "the campaign raised money",
        ),
    ] {
        let a = found(body);
        let said: Vec<_> = a.iter().filter(|a| a.cue.span.text == "said").collect();
        assert_eq!(said.len(), 1, "{body}: {a:?}");
        assert_eq!(speaker_of(said[0]), Some(speaker), "{body}");
        assert_eq!(said[0].content.text, content, "{body}");
    }
}

#[test]
fn a_speaker_described_with_be_shares_the_verb_after_and() {
    let a = found("The senator was angry and said his words had been misconstrued.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("The senator"));
    // A clause opened by `if` has its own subject; `The key` says nothing. (The
    // unit finder has no tagger's names, so `Gerrard` is not found as the speaker
    // here; the point is that `The key` is not.)
    let a = found("The key is if Gerrard comes out and says that he is happy.");
    assert!(a.iter().all(|a| speaker_of(a) != Some("The key")), "{a:?}");
    // Not a thing: `The price` continues nothing anyone said.
    let a = found(
        "The price is expected to rise and will continue in a range between 380 and 430 dlrs.",
    );
    assert!(
        a.iter()
            .all(|a| a.source.is_none() && !a.cue.span.text.contains("continue")),
        "{a:?}"
    );
}

#[test]
fn a_second_verb_after_and_shares_the_sentence_subject() {
    let speakers = |body: &str| -> Vec<(String, String)> {
        found(body)
            .into_iter()
            .map(|a| {
                let source = a.source.map(|s| s.span.text).unwrap_or_default();
                (source, a.cue.span.text)
            })
            .collect()
    };
    assert_eq!(
        speakers(
            "Wilson praised Rubio's positions on defense and said the Florida senator can win."
        ),
        vec![
            ("Wilson".to_string(), "praised".to_string()),
            ("Wilson".to_string(), "said".to_string())
        ]
    );
    assert_eq!(
        speakers("Sen. Ted Cruz, R-Texas, met the families but repeatedly denied the report."),
        vec![("Sen. Ted Cruz".to_string(), "repeatedly denied".to_string())]
    );
    assert_eq!(
        speakers("She won the vote and warned that the fight was not over."),
        vec![("She".to_string(), "warned".to_string())]
    );
    // No verb of its own between the subject and `and`: not a shared subject.
    assert!(speakers("Prices and said the market would fall.").is_empty());
    // A speaker of its own before the cue wins.
    assert_eq!(
        speakers("Kuwait raised output and analysts said prices would fall."),
        vec![("analysts".to_string(), "said".to_string())]
    );
}

#[test]
fn accusations_after_an_appositive_or_with_an_agent_keep_who_accuses() {
    let a = found("But Norman Brennan, director of the Victims of Crime Trust, accused Lord Woolf of having an agenda.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        speaker_of(&a[0]),
        Some("Norman Brennan, director of the Victims of Crime Trust")
    );
    assert_eq!(a[0].content.text, "Lord Woolf of having an agenda");

    let a = found(
        "He asked that another board member, accused by Anil of creating a rift, be thrown out.",
    );
    let accused: Vec<_> = a.iter().filter(|a| a.cue.lemma == "accuse").collect();
    assert_eq!(accused.len(), 1, "{a:?}");
    assert_eq!(speaker_of(accused[0]), Some("Anil"));
    assert_eq!(accused[0].content.text, "of creating a rift");

    // Saying verbs do invert after a quote or a comma.
    let a = found("Prices will rise, warned the minister.");
    assert_eq!(speaker_of(&a[0]), Some("the minister"));
}

#[test]
fn keeping_a_goal_from_a_player_is_no_denial() {
    for body in [
        "Paulo Ferreira denied Gerrard with a last-ditch tackle.",
        "Newcastle were denied a late try.",
        "Chelsea denied by James heroics.",
        "The keeper denied the same player again ten minutes later.",
        "Arsenal denied Chelsea victory at Highbury.",
        "James denied Damien Duff, Jiri Jarosik and Mateja Kezman.",
        "Greene was also denied Olympic gold in the relay.",
        "The team was initially denied visas to enter the United States.",
        "Hewitt would not be denied.",
    ] {
        assert!(found(body).is_empty(), "{body}: {:?}", found(body));
    }
    for (body, content) in [
        ("Iran denied Pompeo's claims.", "Pompeo's claims"),
        (
            "Iran denied Thursday that it had ties with al-Qaida.",
            "it had ties with al-Qaida",
        ),
        ("The ministry denied the report.", "the report"),
        ("The reports were denied by the ministry.", "The reports"),
    ] {
        let a = found(body);
        assert_eq!(a.len(), 1, "{body}: {a:?}");
        assert_eq!(a[0].content.text, content, "{body}");
        assert_eq!(a[0].cue.stance, Stance::Deny, "{body}");
    }
    // Turning down a request is a rejection.
    let a = found("A U.S. District Court judge denied NEC's motion to disqualify the judge.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].cue.lemma, a[0].cue.stance), ("deny", Stance::Reject));
    assert!(found("The allegations were denied.").is_empty());
}

#[test]
fn adverbs_and_verbs_before_a_name_are_not_the_speaker() {
    let speaker = |body: &str| {
        found(body)
            .into_iter()
            .next()
            .and_then(|a| a.source)
            .map(|s| s.span.text)
    };
    assert_eq!(
        speaker("Dr Khoo intends to take it private, but he has always denied this."),
        Some("he".to_string())
    );
    assert_eq!(
        speaker("It was the trial which saw Scholl initially deny the charges."),
        Some("Scholl".to_string())
    );
    // `can't` is `ca` + `n't`: an auxiliary, never a speaker.
    let speakers: Vec<String> = found("Officials can't deny the pressure is on.")
        .into_iter()
        .filter_map(|a| a.source.map(|s| s.span.text))
        .collect();
    assert_eq!(speakers, vec!["Officials"]);
}

#[test]
fn a_cue_inside_someones_quote_is_part_of_their_words() {
    let a = found("\"We can't deny the pressure is on,\" he said.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.span.text, "said");
    assert_eq!(a[0].content.text, "We can't deny the pressure is on");
    let b = found("“He told me he would resign,” Ms Lee said. Mr Park denied it.");
    let cues: Vec<&str> = b.iter().map(|a| a.cue.span.text.as_str()).collect();
    assert_eq!(cues, ["said", "denied"], "{b:?}");
    // The BBC prints quoted paragraphs run together, each opening with a mark and
    // none closed before the next: the denial after them is no one's quote.
    let c = found("Mr Law said: \"It was ill-advised. \"We will go on.\" Mr Park denied it. He said \"all is well\".");
    let cues: Vec<&str> = c.iter().map(|a| a.cue.span.text.as_str()).collect();
    assert_eq!(cues, ["said", "denied", "said"], "{c:?}");
}

#[test]
fn after_a_quote_a_phrase_of_when_or_where_is_no_content() {
    for body in [
        "\"No, this is not politics,\" Mr Cruz said at the time.",
        "“We will go on,” the president said after meeting the prime minister.",
        "“Too little,” he added on Twitter.",
    ] {
        let a = found(body);
        assert_eq!(a.len(), 1, "{body}: {a:?}");
        assert!(a[0].direct, "{body}: {a:?}");
    }
    let that = found("“It is over,” she said in a statement that nobody would resign.");
    assert_eq!(that[0].content.text, "nobody would resign", "{that:?}");
}

#[test]
fn a_cue_keeps_its_auxiliaries_and_adverbs_and_the_speaker_does_not() {
    let a = found("The ministry has also flatly denied the report.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.span.text, "has also flatly denied");
    assert_eq!(speaker_of(&a[0]), Some("The ministry"));
}

#[test]
fn declining_to_comment_is_a_statement_and_falling_prices_are_not() {
    let a = found("Pompeo declined to comment on the report.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.stance, Stance::Reject);
    assert!(found("Net profit declined to 5 mln dlrs from 7 mln.").is_empty());
    assert!(found("Shares declined to a record low on Tuesday.").is_empty());
    assert!(found("The value declined to nine mln stg from 10 mln.").is_empty());
}

#[test]
fn called_needs_a_speaker_before_it() {
    let a = found("Trump called the deal a disaster.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.lemma, "call");
    assert!(found("He joined a group called the Friends of Syria.").is_empty());
}

#[test]
fn tweets_after_an_adjective_or_of_are_posts_not_a_cue() {
    let a = found("Trump tweets that the judge is biased.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.lemma, "tweet");
    for body in [
        "He did not address his early-morning tweets about the judge.",
        "Trump unleashed a series of tweets attacking the judge.",
    ] {
        let a = found(body);
        assert!(a.iter().all(|a| a.cue.lemma != "tweet"), "{body}: {a:?}");
    }
}

#[test]
fn quote_first_inverted_and_multi_sentence() {
    let a = found("\"We will respond. This is a lie,\" said Saeed Khatibzadeh, a spokesman.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "We will respond. This is a lie");
    assert!(a[0].direct);
    assert_eq!(speaker_of(&a[0]), Some("Saeed Khatibzadeh"));
    let b = found("“The talks failed,” the minister said.");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].content.text, "The talks failed");
    assert!(b[0].direct);
    assert_eq!(speaker_of(&b[0]), Some("the minister"));
}

/// The texts of each attribution's continued quote parts.
fn continued(a: &[Attribution]) -> Vec<Vec<&str>> {
    a.iter()
        .map(|a| a.continued.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

#[test]
fn a_quote_broken_by_its_cue_goes_on_after_it() {
    let next_sentence =
        found("“The talks failed,” the minister said. “We will try again next week.”");
    assert_eq!(next_sentence.len(), 1, "{next_sentence:?}");
    assert_eq!(next_sentence[0].content.text, "The talks failed");
    assert_eq!(continued(&next_sentence), [["We will try again next week"]]);
    let same_sentence = found("\"My hope,\" he said, \"is that the vote passes.\"");
    assert_eq!(continued(&same_sentence), [["is that the vote passes"]]);
    let after_an_aside = found(
        "“Every delay costs jobs,” Ms Smith said, pointing to the figures, “and we cannot wait.”",
    );
    assert_eq!(continued(&after_an_aside), [["and we cannot wait"]]);
    let after_an_appositive =
        found("“It was a good deal,” said Ann Lee, a lawyer in the case. “Nobody else would buy.”");
    assert_eq!(continued(&after_an_appositive), [["Nobody else would buy"]]);
    let two_parts = found("“Prices rose,” she said. “Wages did not.” “Nobody is happy.”");
    assert_eq!(
        continued(&two_parts),
        [["Wages did not", "Nobody is happy"]]
    );
    let indirect_first = found("He said, “Prices rose.” “Wages did not.”");
    assert_eq!(continued(&indirect_first), [["Wages did not"]]);
}

#[test]
fn a_quote_that_is_not_the_speakers_does_not_continue_hers() {
    // The next quote has its own speaker.
    let own_cue = found("“We have a plan,” she said. “They have no plan,” he replied.");
    assert!(continued(&own_cue)[0].is_empty(), "{own_cue:?}");
    // Narrative between, a new paragraph, a quoted title in a sentence.
    for body in [
        "“The talks failed,” the minister said. Officials left early. “We will try again.”",
        "“The talks failed,” the minister said.\n\n“We will try again.”",
        "“The talks failed,” the minister said. “Hope” is the name of the new plan.",
        "“The talks failed,” the minister said, calling the offer “an insult.”",
    ] {
        let a = found(body);
        assert!(a.iter().all(|a| a.continued.is_empty()), "{body}: {a:?}");
    }
}

#[test]
fn quotes_printed_as_doubled_apostrophes() {
    let a = found("''We've never dug a tunnel using them,'' said David Shaw, a special agent.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "We've never dug a tunnel using them");
    assert!(a[0].direct);
    assert_eq!(speaker_of(&a[0]), Some("David Shaw"));
    let b = found("``It is over,'' the minister said.");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].content.text, "It is over");
    assert!(b[0].direct);
}

#[test]
fn a_closing_quote_glued_to_its_speaker() {
    let a = found("“They traffic in a lot of the prejudice and paranoia,”Clinton said.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("Clinton"));
    assert_eq!(
        a[0].content.text,
        "They traffic in a lot of the prejudice and paranoia"
    );
    assert!(a[0].direct);
}

#[test]
fn three_apostrophes_close_the_inner_quote_and_then_the_quote() {
    let a = found(
        "''We are told all the time, 'Kosovo is a special case,''' Mr. Putin said. ''It is all lies.'' he added.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "We are told all the time, 'Kosovo is a special case"
    );
    assert!(a[0].direct);
    assert_eq!(speaker_of(&a[0]), Some("Mr. Putin"));
    assert_eq!(a[1].content.text, "It is all lies");
    // Opening, the doubled pair comes first: `'''Sir, ...` opens the quote and then
    // the quote within it.
    let b = found("He said, '''Sir, we have decided to stay,'' he promises.");
    let b = b.iter().find(|a| a.cue.span.text == "promises");
    assert_eq!(
        b.map(|a| a.content.text.as_str()),
        Some("Sir, we have decided to stay")
    );
}

#[test]
fn a_quote_within_the_quote_does_not_end_it() {
    let a = found(
        "“She was the only one to ask us, ‘What can I do? What help do you need?’” Weaver said.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "She was the only one to ask us, ‘What can I do? What help do you need"
    );
    assert!(a[0].direct);
    assert_eq!(speaker_of(&a[0]), Some("Weaver"));
    // A plural possessive's apostrophe inside the quote is no closing quote.
    let b = found("“It is the ministers’ plan, not ours,” the mayor said.");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].content.text, "It is the ministers’ plan, not ours");
    assert!(b[0].direct);
}

#[test]
fn an_appositive_before_an_auxiliary_and_its_cue() {
    let a = found("Snyder, for his part, has denied that Clinton had anything to do with it.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.span.text, "has denied");
    assert_eq!(speaker_of(&a[0]), Some("Snyder"));
}

#[test]
fn a_saying_verb_after_an_appositive_has_the_subject_as_speaker() {
    let a = found("John Bulgaro, the president of Teamsters Local 294 in Albany, said that Mr. Trump had generated excitement.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.span.text, "said");
    assert_eq!(
        speaker_of(&a[0]),
        Some("John Bulgaro, the president of Teamsters Local 294 in Albany")
    );
    assert_eq!(a[0].content.text, "Mr. Trump had generated excitement");
    // The inverted order still wins where a speaker follows the cue.
    let b = found("The talks failed, said the minister.");
    assert_eq!(speaker_of(&b[0]), Some("the minister"));
}

#[test]
fn a_relative_clause_speaker_is_who_standing_for_its_antecedent() {
    let mentions = vec![Mention {
        field: "body",
        start: 0,
        end: 15,
        text: "Martin O’Malley".to_string(),
        canonical: "Martin O'Malley".to_string(),
        kind: EntityKind::Person,
    }];
    let a = find(
        "",
        "Martin O’Malley, who noted that he had raised the minimum wage, spoke first.",
        &mentions,
    );
    assert_eq!(a.len(), 1, "{a:?}");
    let source = a[0].source.as_ref().expect("a speaker");
    assert_eq!(source.span.text, "who");
    assert_eq!(source.canonical.as_deref(), Some("Martin O'Malley"));
    assert_eq!(a[0].content.text, "he had raised the minimum wage");
}

#[test]
fn a_second_cue_ends_the_first_ones_content() {
    let a = found(
        "Florida Gov. Rick Scott (R) blasted Congress and said the state allocated more funds.",
    );
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].content.text, "Congress");
    assert_eq!(a[1].cue.span.text, "said");
    assert_eq!(speaker_of(&a[1]), Some("Florida Gov. Rick Scott"));
    assert_eq!(a[1].content.text, "the state allocated more funds");
}

#[test]
fn a_quote_closed_after_its_period_before_the_speaker() {
    let a = found("“We will get the emails that are missing.” Trump said.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "We will get the emails that are missing");
    assert!(a[0].direct);
}

#[test]
fn the_speaker_before_an_appositive_that_is_no_sentence_subject() {
    let a = found("A lawyer for the news outlets, David Schulz, said no decision had been made.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        speaker_of(&a[0]),
        Some("A lawyer for the news outlets, David Schulz")
    );
    assert_eq!(a[0].content.text, "no decision had been made");
    // An aside between the commas is not part of the speaker.
    let b = found("Snyder, for his part, has denied the charges.");
    assert_eq!(speaker_of(&b[0]), Some("Snyder"));
}

#[test]
fn a_programme_told_is_the_addressee_not_the_start_of_the_content() {
    // BBC politics/296 and /166: the content began at `programme`.
    let a = found("Dr Liam Fox told BBC One's Breakfast with Frost programme there was no place for vindictiveness in politics.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "there was no place for vindictiveness in politics"
    );
    let b = found("She told BBC One's Breakfast with Frost programme: \"He is just really down for the job.\"");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].content.text, "He is just really down for the job.");
    assert!(b[0].direct);
    let c = found("The minister told MPs the plan had failed.");
    assert_eq!(c[0].content.text, "the plan had failed");
}

#[test]
fn after_a_comma_only_a_closing_noun_phrase_is_an_inverted_speaker() {
    // The BBC's `Mr Hain, Leader of the Commons, told BBC Radio Four's Today
    // programme that ...`: `told` names its addressee, who is no speaker.
    let a = found("Mr Hain, Leader of the Commons, told BBC Radio Four's Today programme that the stance was putting the country at risk.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("Mr Hain, Leader of the Commons"));
    assert_eq!(
        a[0].content.text,
        "the stance was putting the country at risk"
    );
    // `say anything` has an object, not a speaker; `shows Labour is` a clause.
    let b = found("He said Labour would do anything, say anything, claim anything to cling on.");
    assert!(
        b.iter()
            .all(|a| a.source.as_ref().is_some_and(|s| s.span.text == "He")),
        "{b:?}"
    );
    let c = found("The claim that he acted like an \"attack mongrel\" shows Labour is rattled.");
    assert!(c.is_empty(), "{c:?}");
    // The inverted order itself still holds.
    let d = found("Prices will rise, say analysts.");
    assert_eq!(speaker_of(&d[0]), Some("analysts"));
    // `said last week` says when: the speaker is the subject before it.
    let e = found("Tim Collins, the shadow education secretary, said last week it would be a huge boost to the party.");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        speaker_of(&e[0]),
        Some("Tim Collins, the shadow education secretary")
    );
    // A pronoun opening a clause after the cue is no inverted speaker.
    let g =
        found("The bid chairman, Lord Coe, admitted he would never dream of running a marathon.");
    assert!(
        g.iter()
            .all(|a| a.content.text != "The bid chairman, Lord Coe"),
        "{g:?}"
    );
    // A quote after the phrase saying when is what was said.
    let f = found(
        "But as State Treasurer Ann Richards said last Thursday, \"The goose is still cooking.\"",
    );
    assert!(
        f[0].content.text.starts_with("The goose is still cooking"),
        "{f:?}"
    );
}

#[test]
fn a_wire_storys_dateline_is_not_part_of_what_was_said() {
    let c = found("EDMONTON, Alberta, March 20 - The province will raise taxes, treasurer Dick Johnston said.");
    assert_eq!(c[0].content.text, "The province will raise taxes", "{c:?}");
    let a = found("WASHINGTON, March 18 - U.S. power companies generated 48.31 billion kilowatt-hours in the week, the Edison Electric Institute said.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "U.S. power companies generated 48.31 billion kilowatt-hours in the week"
    );
    // A sentence that only looks like one keeps its words.
    let b = found("Smith, Jones and Brown - the three partners - said profits rose.");
    assert!(b.iter().all(|a| !a.content.text.is_empty()), "{b:?}");
}

#[test]
fn a_content_ends_where_another_speaker_follows_the_words_they_report() {
    let a = found(
        "Sales are expected to fall in 2005, Fiat said this week, as it exits unprofitable areas.",
    );
    let expected = a.iter().find(|a| a.cue.span.text == "are expected");
    assert_eq!(
        expected.map(|a| a.content.text.as_str()),
        Some("to fall in 2005"),
        "{a:?}"
    );
    let fiat = a.iter().find(|a| speaker_of(a) == Some("Fiat"));
    assert_eq!(
        fiat.map(|a| a.content.text.as_str()),
        Some("Sales are expected to fall in 2005"),
        "{a:?}"
    );
    let b = found("Privately ministers believe this will be the \"less painful\" option, our correspondent added.");
    let believe = b.iter().find(|a| a.cue.lemma == "believe");
    assert_eq!(
        believe.map(|a| a.content.text.as_str()),
        Some("this will be the \"less painful\" option"),
        "{b:?}"
    );
}

#[test]
fn a_content_ends_before_a_coordinated_clause_with_its_own_speaker() {
    // BBC politics/099.
    let a = found("On Wednesday Mr Blair directly denied Mr Brown made that quote, and before he left for Africa on Tuesday the chancellor told reporters: \"Of course I trust the prime minister.\"");
    let denied = a.iter().find(|a| a.cue.lemma == "deny");
    assert_eq!(
        denied.map(|a| a.content.text.as_str()),
        Some("Mr Brown made that quote"),
        "{a:?}"
    );
    let b = found(
        "He said he had met his golden rule and he said public borrowing would continue to fall.",
    );
    assert_eq!(b.len(), 2, "{b:?}");
    assert_eq!(b[0].content.text, "he had met his golden rule", "{b:?}");
    assert_eq!(
        b[1].content.text, "public borrowing would continue to fall",
        "{b:?}"
    );
    // One subject of two names, not a second clause; a clause after `and that` is
    // still what the first speaker said.
    let c = found("Mr Blair said Mr Brown and Mr Prescott had agreed to the plan.");
    let said = c.iter().find(|a| a.cue.lemma == "say");
    assert_eq!(
        said.map(|a| a.content.text.as_str()),
        Some("Mr Brown and Mr Prescott had agreed to the plan"),
        "{c:?}"
    );
    let d =
        found("The minister said the talks had failed, and that the rebels had refused to sign.");
    assert_eq!(
        d.first().map(|a| a.content.text.as_str()),
        Some("the talks had failed, and that the rebels had refused to sign"),
        "{d:?}"
    );
    // Reuters 6108, 17307, 16976: a coordinated speaker further on ends the content
    // only when what stands before it opens a clause or says when.
    let e = found("Monetary policies can help achieve this, but only if markets believe that pledged changes in fiscal policies will lead to balanced international payments, he said.");
    let said = e.iter().find(|a| a.cue.lemma == "say");
    assert!(
        said.is_some_and(|a| a.content.text.ends_with("balanced international payments")),
        "{e:?}"
    );
    let f = found("The imbalances can only be solved by coordinated policies, and in line with a body of internationally agreed rules, he said.");
    let said = f.iter().find(|a| a.cue.lemma == "say");
    assert!(
        said.is_some_and(|a| a.content.text.ends_with("internationally agreed rules")),
        "{f:?}"
    );
    let g = found("Dealers said the Bank of Japan had intervened, but earlier today Tokyo dealers said the Bundesbank was in the market as well.");
    assert_eq!(
        g.first().map(|a| a.content.text.as_str()),
        Some("the Bank of Japan had intervened"),
        "{g:?}"
    );
    // Reuters 3488, 18577: a speaker that opens with a describing word or a count.
    let h = found("Officials said China would borrow 25 billion dlrs, but foreign bankers said they estimate loans at 30 billion.");
    assert_eq!(
        h.first().map(|a| a.content.text.as_str()),
        Some("China would borrow 25 billion dlrs"),
        "{h:?}"
    );
    let i = found("Dealers dismissed the rumours, and one commented that it was utter rubbish.");
    assert_eq!(
        i.first().map(|a| a.content.text.as_str()),
        Some("the rumours"),
        "{i:?}"
    );
}

#[test]
fn a_passive_without_its_subject_still_reports_what_stands_before_it() {
    let a = found("This view was echoed by spokesmen of several other major U.S. banks.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "This view");
    assert_eq!(
        speaker_of(&a[0]),
        Some("spokesmen of several other major U.S. banks")
    );
}

#[test]
fn a_quoted_persons_words_are_theirs_not_the_papers() {
    for (sentence, speaker, content) in [
        (
            "Finance Minister Kiichi Miyazawa was quoted as saying that the yen would not rise.",
            "Finance Minister Kiichi Miyazawa",
            "the yen would not rise",
        ),
        (
            "The newspaper quoted unnamed industry sources as saying output would fall.",
            "unnamed industry sources",
            "output would fall",
        ),
        // The object ends at its comma; an all-capital name is no preposition.
        (
            "It quoted Mobil president Richard Tucker, currently in Peking, as saying he is optimistic.",
            "Mobil president Richard Tucker",
            "he is optimistic",
        ),
        (
            "The Handelsblatt newspaper quoted AT and T chairman James Olson as saying prices would rise.",
            "AT and T chairman James Olson",
            "prices would rise",
        ),
        // A phrase of where after the verb is the medium, not who was quoted.
        (
            "Anelka was quoted in a French newspaper as saying he would like to play for a bigger club.",
            "Anelka",
            "he would like to play for a bigger club",
        ),
        // `as telling` passes over the addressee.
        (
            "Home Secretary Charles Clarke has been quoted as telling Labour members he wants more migrants.",
            "Home Secretary Charles Clarke",
            "he wants more migrants",
        ),
        // A quote before the clause is what was said, whatever follows.
        (
            "\"We don't want to go down that road,\" Reagan was quoted as telling Prime Minister Jacques Chirac after the visiting French official expressed concern.",
            "Reagan",
            "We don't want to go down that road",
        ),
        // Nothing after `as saying` but the medium: the words stand before.
        (
            "\"I demand better transparency,\" he is quoted as saying by Manager Magazin.",
            "he",
            "I demand better transparency",
        ),
    ] {
        let a = found(sentence);
        let quoted = a.iter().find(|a| a.cue.lemma == "quote");
        assert_eq!(
            quoted.map(|a| (speaker_of(a), a.content.text.as_str())),
            Some((Some(speaker), content)),
            "{sentence}: {a:?}"
        );
    }
}

#[test]
fn a_passive_agent_may_follow_words_saying_when() {
    for (sentence, cue, agent) in [
        (
            "The claims were denied yesterday by the ministry.",
            "were denied",
            "the ministry",
        ),
        (
            "The claims were denied on Monday by the Foreign Ministry.",
            "were denied",
            "the Foreign Ministry",
        ),
        (
            "The claims were later denied by officials.",
            "were later denied",
            "officials",
        ),
    ] {
        let a = found(sentence);
        assert_eq!(a.len(), 1, "{sentence}: {a:?}");
        assert!(a[0].cue.span.text.starts_with(cue), "{sentence}: {a:?}");
        assert_eq!(a[0].content.text, "The claims", "{sentence}");
        assert_eq!(speaker_of(&a[0]), Some(agent), "{sentence}");
    }
    let told = found("Mark IV said it was told by Baird that Baird had given no such assurance.");
    let told = told.iter().find(|a| a.cue.lemma == "tell");
    assert_eq!(
        told.map(|a| (speaker_of(a), a.content.text.as_str())),
        Some((Some("Baird"), "Baird had given no such assurance")),
        "{told:?}"
    );
    let welcomed = found("The plan was welcomed at the time by Beijing.");
    assert_eq!(welcomed[0].content.text, "The plan", "{welcomed:?}");
    // The `by` of another phrase brings no agent of the cue.
    let b = found("He was accused of fraud by the regulator.");
    assert!(b.iter().all(|a| a.content.text != "He"), "{b:?}");
}

#[test]
fn participles_and_nouns_describing_a_thing_are_no_reports() {
    // Reuters reut2-000, reut2-016, reut2-003; BBC business/481.
    for sentence in [
        "The earlier reported 57.1 mln dlr profit was also aided by lower rates.",
        "The company's previously announced merger has been approved.",
        "Contradicting earlier reports from strike headquarters, the strikers stayed.",
        "The recent dispute over economic policy was responsible for the fall.",
        "An earlier caution from the governor not to read too much into it was heeded.",
    ] {
        let a = found(sentence);
        assert!(a.is_empty(), "{sentence}: {a:?}");
    }
    // A name or a noun before the adverb speaks.
    for (sentence, speaker) in [
        ("Moody's also said it expects strong earnings.", "Moody's"),
        (
            "The People's Daily said prices rose too fast.",
            "The People's Daily",
        ),
        (
            "The two leaders each also said the talks went well.",
            "each",
        ),
    ] {
        let a = found(sentence);
        assert_eq!(
            a.first().and_then(speaker_of),
            Some(speaker),
            "{sentence}: {a:?}"
        );
    }
}

#[test]
fn an_agentless_passive_before_a_preposition_reports_nothing() {
    // BBC politics/184, Reuters reut2-010#175, BBC business/195.
    for sentence in [
        "It was the same statement that was earlier shown to the cabinet as it met.",
        "The figures were earlier reported under the daily reporting system.",
        "Inflation is expected at 3.2% in 2004.",
    ] {
        let a = found(sentence);
        assert!(a.is_empty(), "{sentence}: {a:?}");
    }
    // A clause, an infinitive, a quote or a stance's charge still counts.
    for (sentence, content) in [
        (
            "It was announced in a statement that the plant would close.",
            "the plant would close",
        ),
        ("The firm is said to be struggling.", "to be struggling"),
        ("He is accused of fraud.", "of fraud"),
        (
            "He was quoted in the Herald saying: \"We will win.\"",
            "We will win",
        ),
    ] {
        let a = found(sentence);
        assert!(
            a.iter().any(|a| a.content.text.contains(content)),
            "{sentence}: {a:?}"
        );
    }
    // The agent's phrase ends before an adverb of time.
    let a = found(
        "The house was declared a landmark by the city of Los Angeles just before his death.",
    );
    assert_eq!(
        a.first().and_then(speaker_of),
        Some("the city of Los Angeles"),
        "{a:?}"
    );
}

#[test]
fn a_wire_subject_is_found_past_its_dateline_and_a_stray_comma() {
    let a = found("BONN, April 24 - Economics Minister Martin Bangemann, who flies to Washington this weekend, said boosting growth would not cut the deficit.");
    assert_eq!(
        speaker_of(&a[0]),
        Some("Economics Minister Martin Bangemann, who flies to Washington this weekend")
    );
    assert_eq!(
        a[0].content.text,
        "boosting growth would not cut the deficit"
    );
    let b = found("William Siedenburg of Smith Barney, said Phelps has lowered costs.");
    assert_eq!(
        speaker_of(&b[0]),
        Some("William Siedenburg of Smith Barney")
    );
    assert_eq!(b[0].content.text, "Phelps has lowered costs");
    let d = found("BONN, March 18 - West German finance minister Gerhard Stoltenberg suggested that the U.K. should join and also urged members to act.");
    assert!(
        d.iter().any(|a| a.cue.span.text.ends_with("urged")
            && speaker_of(a) == Some("West German finance minister Gerhard Stoltenberg")),
        "{d:?}"
    );
    let c = found("Traders in the region, meanwhile, said prices might be pressured.");
    assert_eq!(speaker_of(&c[0]), Some("Traders in the region"));
}

#[test]
fn a_speaker_set_inside_a_sentence_reports_all_of_it() {
    let a = found("The Tories, he said, can cut crime without raising taxes.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "The Tories, he said, can cut crime without raising taxes"
    );
    // A clause of its own after the comma is not what was said.
    let c = found("In the meantime, he said, Congress cannot back away from its goals.");
    assert_eq!(
        c[0].content.text,
        "In the meantime, he said, Congress cannot back away from its goals"
    );
    let b = found("Sales rose, he said, adding that costs fell.");
    assert!(
        b.iter().all(|a| !a.content.text.contains("adding")),
        "{b:?}"
    );
}

#[test]
fn words_that_only_look_like_cues_are_none() {
    // The speaker's own relative clause, with no comma before it.
    let a = found("Wipro said demand was strong, allowing it to increase the prices it charged.");
    assert!(a.iter().all(|a| a.cue.lemma != "charge"), "{a:?}");
    // An object relative still reports the clause it points back to.
    let d = found("Doherty faced blackmail and robbery charges in court, which he denies.");
    assert_eq!(
        d.iter()
            .map(|a| a.content.text.as_str())
            .collect::<Vec<_>>(),
        ["Doherty faced blackmail and robbery charges in court"]
    );
    let b = found("She shared first place with former AAA champion Diane Allahgreen.");
    assert!(b.is_empty(), "{b:?}");
    let c = found("Complaints about spyware found on people's PCs rose by 6%.");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn an_audience_and_a_patron_belong_to_their_phrase() {
    let a = found(
        "Aguas Argentinas told the Argentine newspaper Clarin it would not accept any change.",
    );
    assert_eq!(a[0].content.text, "it would not accept any change");
    let c = found("Britain and Japan agreed to operate 12 flights a week, officials of the Transport Ministry said.");
    let said = c.iter().find(|a| a.cue.span.text == "said");
    assert_eq!(
        said.and_then(speaker_of),
        Some("officials of the Transport Ministry"),
        "{c:?}"
    );
    let d = found("Prices fell on profit taking, oil traders and analysts said.");
    assert_eq!(speaker_of(&d[0]), Some("oil traders and analysts"));
    assert_eq!(d[0].content.text, "Prices fell on profit taking");
    let b = found("Farmers will sign up, an aide to USDA Secretary Richard Lyng said.");
    assert_eq!(
        speaker_of(&b[0]),
        Some("an aide to USDA Secretary Richard Lyng")
    );
}

#[test]
fn charged_with_a_duty_is_no_accusation() {
    let a = found("The Speaker is charged with ensuring order in the chamber.");
    assert!(a.is_empty(), "{a:?}");
    let b = found("Police said he was charged with murdering his wife.");
    assert!(b.iter().any(|a| a.cue.lemma == "charge"), "{b:?}");
}

#[test]
fn estimates_and_reports_as_nouns_are_no_cues() {
    for body in [
        "It claimed revenues were likely to be 6bn below estimates by the end of the tax year.",
        "Reserves fell sharply, according to preliminary central bank estimates.",
        "Inflationary fears are unjustified and exaggerated.",
        "The HUD report said prices rose.",
        "Profits beat forecasts for the third quarter.",
    ] {
        let a = found(body);
        assert!(
            a.iter().all(|a| !matches!(
                a.cue.span.text.as_str(),
                "estimates" | "fears" | "report" | "forecasts"
            )),
            "{body}: {a:?}"
        );
    }
    // The verbs stay cues.
    for (body, cue) in [
        ("The company estimates that sales will rise.", "estimates"),
        (
            "Gaspar estimates earnings per share at 25 cts.",
            "estimates",
        ),
        ("He hopes the agreement will hold.", "hopes"),
    ] {
        let a = found(body);
        assert!(a.iter().any(|a| a.cue.span.text == cue), "{body}: {a:?}");
    }
}

#[test]
fn nouns_after_a_named_object_and_idioms_are_no_cues() {
    let a = found("Mr Howard also hit back at Labour claims he had used Mrs Dixon.");
    assert!(a.is_empty(), "{a:?}");
    let b = found("\"Something tells me that someone is rattled,\" Mr Howard said.");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].cue.span.text, "said");
    // Calling someone something is naming, not an appeal.
    let c = found("Peter Hain even called me a mongrel.");
    assert_eq!(c[0].cue.stance, Stance::Say, "{c:?}");
    let d = found("Mr Smith called for a strike.");
    assert_eq!(d[0].cue.stance, Stance::Urge, "{d:?}");
}

#[test]
fn a_that_after_a_verb_is_inside_the_content() {
    let a = found("Mr Blair directly denied Mr Brown made that quote.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "Mr Brown made that quote");
    // `that` after an addressee or a time still opens the content.
    let b = found("He told reporters on Tuesday that the talks had failed.");
    assert_eq!(b[0].content.text, "the talks had failed");
}

#[test]
fn a_question_without_a_comma_ends_where_the_answer_starts() {
    let a = found("Asked whether she was nervous about the race she said she was ready.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].content.text, "whether she was nervous about the race");
    assert_eq!(speaker_of(&a[1]), Some("she"));
    assert_eq!(a[1].content.text, "she was ready");
}

#[test]
fn a_question_put_to_someone() {
    let a = found("Asked if Trump’s comments had rattled them as well, Ryan said he did not know.");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[0].cue.span.text, "Asked");
    assert!(a[0].source.is_none());
    assert_eq!(
        a[0].content.text,
        "if Trump’s comments had rattled them as well"
    );
    assert_eq!(a[1].cue.span.text, "said");
    // Someone asked for something is no question.
    let b = found("The mayor asked residents to stay home.");
    assert!(b.iter().all(|a| a.source.is_some()), "{b:?}");
}

#[test]
fn the_medium_belongs_to_the_cue() {
    let a = found("The ministry said in a statement that the talks had failed.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.span.text, "said in a statement");
    assert_eq!(a[0].content.text, "the talks had failed");
    let b = found("“We will appeal,” Erin Brockovich said in a written statement.");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].content.text, "We will appeal");
}

#[test]
fn according_to_and_anaphoric_denials() {
    let body =
        "Demand fell, according to a report earlier this week from the British Retail Consortium.";
    let brc = first_mention(
        body,
        EntityKind::Org,
        "British Retail Consortium",
        "British Retail Consortium",
    );
    let a = find("", body, &[brc]);
    let source = a[0].source.as_ref().expect("a source");
    assert_eq!(
        source.span.text,
        "a report earlier this week from the British Retail Consortium"
    );
    assert_eq!(
        source.canonical.as_deref(),
        Some("British Retail Consortium")
    );
    // After the cue, a determiner and a cue noun are no inverted speaker.
    let a = found("Bruce Wilkinson, president of the company, said the charges would be taken.");
    assert_eq!(
        speaker_of(&a[0]),
        Some("Bruce Wilkinson, president of the company")
    );
    let a = found("Tehran backs the group, according to U.S. officials.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.lemma, "according to");
    assert_eq!(a[0].content.text, "Tehran backs the group");
    let b = found("Pompeo said Iran hosts al-Qaida leaders. Iran has denied the charges.");
    let denial = b.iter().find(|x| x.cue.lemma == "deny").expect("denial");
    assert_eq!(denial.content.text, "the charges");
    assert_eq!(denial.topic.as_ref().map(|t| t.start), Some(0));
    assert_eq!(b[0].content.text, "Iran hosts al-Qaida leaders");
}

#[test]
fn a_pronoun_opening_a_clause_points_back_to_nothing() {
    // BBC business: `it` is the subject of what Pernod said, not the sentence before.
    let a = found("Allied Domecq shares rose 4%. Pernod said it was seeking acquisitions.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "it was seeking acquisitions");
    assert!(a[0].topic.is_none(), "{a:?}");
    // Alone or with words of when and how, a pronoun is what was denied.
    let b = found("Pompeo said Iran hosts al-Qaida leaders. Iran denied it strongly.");
    let denial = b.iter().find(|x| x.cue.lemma == "deny").expect("denial");
    assert_eq!(denial.topic.as_ref().map(|t| t.start), Some(0), "{b:?}");
}

#[test]
fn deals_dangers_and_nouns_are_no_statements() {
    // BBC business and Reuters: cue words in senses that report no words.
    for sentence in [
        "Diageo has agreed to buy Chalone for $260m.",
        "OPEC agreed this weekend in Vienna on an output ceiling.",
        "The ruling could threaten the production of other cheeses.",
        "Kevin Keegan was once threatened with the sack.",
        "I find myself lying and rescheduling everything.",
        "Yukos wants to take its tax dispute with the government to an arbitrator.",
        "Such a move would be counter to the work the magazine has done.",
    ] {
        let a = found(sentence);
        assert!(a.is_empty(), "{sentence}: {a:?}");
    }
    for (sentence, lemma) in [
        (
            "Yukos has threatened to sue the Russian government.",
            "threaten",
        ),
        (
            "Siemens threatened legal action against the union.",
            "threaten",
        ),
        ("The ministers agreed that the plan was sound.", "agree"),
    ] {
        let a = found(sentence);
        assert_eq!(a.len(), 1, "{sentence}: {a:?}");
        assert_eq!(a[0].cue.lemma, lemma, "{sentence}");
    }
}

#[test]
fn a_name_before_a_colon_and_a_quote_says_the_quote() {
    // PolNeAR-style roundup (Huffington Post): the name ends a sentence's phrase.
    let body =
        "Shaw surge surprises pollsters - Republican pollster Daron Shaw: \u{201c}Historically, \
                lesser-known candidates do well.\u{201d}";
    let shaw = first_mention(body, EntityKind::Person, "Daron Shaw", "Daron Shaw");
    let a = find("", body, &[shaw]);
    let quoted = a
        .iter()
        .find(|x| x.cue.span.text == ":")
        .expect("colon cue");
    assert_eq!(speaker_of(quoted), Some("Daron Shaw"), "{a:?}");
    assert_eq!(
        quoted.content.text,
        "Historically, lesser-known candidates do well."
    );
    assert!(quoted.direct);
    // A label, or a name nobody knows as a person or firm, says nothing.
    let b = found("The result: \u{201c}a landslide\u{201d} in Iowa.");
    assert!(b.is_empty(), "{b:?}");
    let c = found("It was the scene at Wembley: \u{201c}Come on!\u{201d}");
    assert!(c.is_empty(), "{c:?}");
    // After a cue, the name is the audience (BBC business).
    let body =
        "A senior source at the club told the BBC: \u{201c}This time it's different.\u{201d}";
    let bbc = first_mention(body, EntityKind::Org, "BBC", "BBC");
    let d = find("", body, &[bbc]);
    assert!(d.iter().all(|x| x.cue.span.text != ":"), "{d:?}");
}

#[test]
fn a_passive_object_ends_before_the_agent() {
    // BBC politics: what was promised, then who promised it.
    for (sentence, content, agent) in [
        (
            "Pensioners are being promised energy savings by the Liberal Democrats.",
            "energy savings",
            "the Liberal Democrats",
        ),
        (
            "Voters were promised lower taxes by the Conservatives last week.",
            "lower taxes",
            "the Conservatives",
        ),
    ] {
        let a = found(sentence);
        assert_eq!(a.len(), 1, "{sentence}: {a:?}");
        assert_eq!(a[0].content.text, content, "{sentence}");
        assert_eq!(speaker_of(&a[0]), Some(agent), "{sentence}");
    }
}

#[test]
fn nouns_are_not_cues() {
    assert!(found("The claims were false and his warning came late.").is_empty());
    // Reuters-21578: a nationality before an ambiguous cue word is its adjective.
    assert!(
        found("Kuwait denies it is a belligerent despite Iranian charges that it backs Iraq.")
            .iter()
            .all(|a| a.cue.lemma != "charge"),
        "{:?}",
        found("Kuwait denies it is a belligerent despite Iranian charges that it backs Iraq.")
    );
}

#[test]
fn he_after_an_unnamed_spokesman_is_the_spokesman_not_the_last_name() {
    // BBC politics/071: `He added` was Edward Leigh, the committee chairman quoted
    // before, and the Home Office's words went to its critic.
    let body = "Mr Leigh said the Home Office should act. A Home Office spokesman said the system had been toughened. He added that checks would be simpler.";
    let mentions = [
        first_mention(body, EntityKind::Person, "Edward Leigh", "Leigh"),
        // The spokesman's Home Office, not the one Mr Leigh named.
        mention_at(
            body.find("Home Office spokesman").expect("in the text"),
            EntityKind::Org,
            "Home Office",
            "Home Office",
        ),
    ];
    let a = find("", body, &mentions);
    let added = a
        .iter()
        .find(|x| x.cue.lemma == "add")
        .unwrap_or_else(|| panic!("He added: {a:#?}"));
    let source = added.source.as_ref().expect("a source");
    assert_eq!(source.span.text, "He");
    assert_eq!(source.canonical.as_deref(), Some("Home Office"), "{a:#?}");
}

/// A body mention of `text` at byte `start` (ASCII test bodies: bytes are
/// characters).
fn mention_at(start: usize, kind: EntityKind, canonical: &str, text: &str) -> Mention {
    Mention {
        kind,
        canonical: canonical.to_string(),
        text: text.to_string(),
        field: "body",
        start,
        end: start + text.len(),
    }
}

/// The mention of `text`'s first occurrence in `body`.
fn first_mention(body: &str, kind: EntityKind, canonical: &str, text: &str) -> Mention {
    let start = body.find(text).expect("in the text");
    mention_at(start, kind, canonical, text)
}

/// Who each `he`/`she` source in `body` resolves to, in text order.
fn pronoun_speakers(body: &str, people: &[(&str, &str)]) -> Vec<Option<String>> {
    let mentions: Vec<Mention> = people
        .iter()
        .flat_map(|(text, canonical)| {
            body.match_indices(text)
                .map(|(start, _)| mention_at(start, EntityKind::Person, canonical, text))
        })
        .collect();
    find("", body, &mentions)
        .into_iter()
        .filter_map(|a| a.source)
        .filter(|s| matches!(s.span.text.as_str(), "He" | "he" | "She" | "she"))
        .map(|s| s.canonical)
        .collect()
}

#[test]
fn he_is_who_the_sentence_before_is_about_not_the_last_speaker() {
    // BBC politics/031: the spokeswoman spoke last, but the sentence before `He
    // said` is about Mr Blunkett.
    let body = "A Home Office spokeswoman said the review was under way. Mr Blunkett had to answer an emergency question in Parliament. He said he would act.";
    assert_eq!(
        pronoun_speakers(body, &[("Blunkett", "David Blunkett")]),
        vec![Some("David Blunkett".to_string())]
    );
    // BBC politics/166: `she` is not the man the sentence names first.
    let body = "Mr Blunkett is taking legal action to gain access to Mrs Quinn's son. She denies he is the father.";
    let people = [("Blunkett", "David Blunkett"), ("Quinn", "Kimberly Quinn")];
    assert_eq!(
        pronoun_speakers(body, &people),
        vec![Some("Kimberly Quinn".to_string())]
    );
    // BBC politics/367: who a statement is about is not who makes it.
    let body = "Michael Howard said the country was heading the wrong way. Mr Blair's government was bossy and interfering, he added.";
    let people = [
        ("Michael Howard", "Michael Howard"),
        ("Blair", "Tony Blair"),
    ];
    assert_eq!(
        pronoun_speakers(body, &people),
        vec![Some("Michael Howard".to_string())]
    );
    // BBC politics/123: its own sentence first.
    let body = "The devices gained prominence after Alastair Campbell used his. Mr Martin revealed some MPs had used them and he also cautioned members against it.";
    let people = [
        ("Alastair Campbell", "Alastair Campbell"),
        ("Martin", "Michael Martin"),
    ];
    assert_eq!(
        pronoun_speakers(body, &people),
        vec![Some("Michael Martin".to_string())]
    );
}

#[test]
fn he_or_she_is_never_someone_whose_first_name_says_otherwise() {
    // Reuters 4290's shape: the sentence before names a woman, so `He` goes back to
    // the man who spoke before her.
    let body = "Ward McCarthy said sales were strong. Beth Reiners of Dean Witter said the data were weak. He said the trend was clear.";
    let people = [
        ("Ward McCarthy", "Ward McCarthy"),
        ("Beth Reiners", "Beth Reiners"),
    ];
    assert_eq!(
        pronoun_speakers(body, &people),
        vec![Some("Ward McCarthy".to_string())]
    );
    // PolNeAR's debates: `She` after Sanders spoke is Clinton, who spoke before him.
    let body = "Hillary Clinton said the plan would work. Bernie Sanders said the system was rigged. She said she was proud of her record.";
    let people = [
        ("Hillary Clinton", "Hillary Clinton"),
        ("Bernie Sanders", "Bernie Sanders"),
    ];
    assert_eq!(
        pronoun_speakers(body, &people),
        vec![Some("Hillary Clinton".to_string())]
    );
    // A name that does not tell (given to men and women alike) is no reason to skip.
    let body = "Jordan Smith said the vote was close. She said the count would go on.";
    assert_eq!(
        pronoun_speakers(body, &[("Jordan Smith", "Jordan Smith")]),
        vec![Some("Jordan Smith".to_string())]
    );
}

#[test]
fn a_name_after_in_or_to_is_no_speakers_own() {
    let body = "Prices fell on profit taking, traders in Singapore said. Farmers will sign up, an aide to Richard Lyng said. Profits rose, a spokesman for Exxon said. Talks go on, Clark, who plans to be in Japan, said.";
    let mentions = [
        first_mention(body, EntityKind::Place, "Singapore", "Singapore"),
        first_mention(body, EntityKind::Person, "Richard Lyng", "Richard Lyng"),
        first_mention(body, EntityKind::Org, "Exxon", "Exxon"),
        first_mention(body, EntityKind::Person, "Joe Clark", "Clark"),
        first_mention(body, EntityKind::Place, "Japan", "Japan"),
    ];
    let named: Vec<(Option<String>, Vec<String>)> = find("", body, &mentions)
        .into_iter()
        .filter_map(|a| a.source)
        .map(|s| (s.canonical, s.affiliations))
        .collect();
    assert_eq!(
        named,
        [
            (None, vec!["Singapore".to_string()]),
            (None, vec!["Richard Lyng".to_string()]),
            (Some("Exxon".to_string()), vec![]),
            (Some("Joe Clark".to_string()), vec!["Japan".to_string()]),
        ]
    );
}

#[test]
fn a_cause_a_guarantor_or_a_time_after_by_is_no_speaker() {
    // BBC sport/480, Reuters bond issues, BBC business.
    for body in [
        "The Russian added that he was not worried by his ankle injury.",
        "The issue is guaranteed by the parent company.",
        "The rise could be explained by a shift of funds.",
    ] {
        let a = found(body);
        assert!(a.iter().all(|x| x.cue.lemma == "add"), "{body}: {a:#?}");
    }
    let a = found("Output is expected to rise by 46% by the end of the decade.");
    assert!(a.iter().all(|x| x.source.is_none()), "{a:#?}");
    let a = found("The reports were denied by the ministry.");
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(speaker_of(&a[0]), Some("the ministry"));
}

#[test]
fn conceded_goals_reduced_passives_and_said_only_are_no_statements() {
    let a = found(
        "When Ireland conceded a penalty close to their own line, Scotland kicked it to touch.",
    );
    assert!(a.is_empty(), "{a:#?}");
    // Conceding a point in an argument is an admission, not a score.
    let a = found("The minister conceded the point that the scheme had failed.");
    assert_eq!(a.len(), 1, "{a:#?}");
    // Reuters reut2-008: a reduced passive; BBC: `continued to be` is no speech.
    for body in [
        "The men said to be possible replacements for Shad are Charles Cox and Edward Fleischman.",
        "Iraq continued to be in material breach of the resolution.",
    ] {
        let a = found(body);
        assert!(a.is_empty(), "{body}: {a:#?}");
    }
    let a = found("He said to reporters that the talks would resume.");
    assert_eq!(a.len(), 1, "{a:#?}");
    let a = found("The talks are also believed to have failed.");
    assert_eq!(a.len(), 1, "{a:#?}");
    let a = found("Hugo Lueders, European director at CompTIA, said only when property was protected would inventors prosper.");
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(
        speaker_of(&a[0]),
        Some("Hugo Lueders, European director at CompTIA")
    );
}

/// Each attribution's speaker head in `body`, in text order.
fn speaker_heads(body: &str, mentions: &[Mention]) -> Vec<Option<String>> {
    find("", body, mentions)
        .into_iter()
        .map(|a| a.source.and_then(|s| s.canonical))
        .collect()
}

#[test]
fn a_speaker_phrase_is_read_in_text_order_whatever_order_mentions_come_in() {
    // BBC sport/096: the extractor lists the alias match (the club) after the
    // tagger's name, and the club headed the phrase.
    let body = "Manchester United manager Sir Alex Ferguson hinted that Roy Keane would play.";
    let mentions = [
        first_mention(
            body,
            EntityKind::Person,
            "Alex Ferguson",
            "Sir Alex Ferguson",
        ),
        first_mention(body, EntityKind::Person, "Roy Keane", "Roy Keane"),
        first_mention(
            body,
            EntityKind::Org,
            "Manchester United",
            "Manchester United",
        ),
    ];
    assert_eq!(
        speaker_heads(body, &mentions),
        [Some("Alex Ferguson".to_string())]
    );
}

#[test]
fn figures_and_polls_show_but_a_posted_result_is_no_statement() {
    // BBC business, Reuters-21578.
    let a = found("Official figures show the jobless total rose for the second month.");
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(speaker_of(&a[0]), Some("Official figures"));
    assert_eq!(
        a[0].content.text,
        "the jobless total rose for the second month"
    );
    let a = found("A new poll shows Sanders leading Clinton in Iowa.");
    assert_eq!(a.len(), 1, "{a:#?}");
    // Figures reporting a result still speak; a company posting one does not.
    let a = found("Unadjusted figures show a surplus of 53 mln dlrs.");
    assert_eq!(a.len(), 1, "{a:#?}");
    for body in [
        "The show finds its audience late at night.",
        "SMC posted a net income of 448.8 mln pesos in 1985.",
        "Italy's balance of payments showed a surplus of 1,461 billion lire in February.",
    ] {
        let a = found(body);
        assert!(a.is_empty(), "{body}: {a:#?}");
    }
}

#[test]
fn a_list_is_headed_by_its_first_name_and_an_apposition_by_the_name_it_describes() {
    // Reuters-21578 phrasings, with the mentions in text order.
    /// A body, its names in text order, and the head expected.
    type Case<'a> = (&'a str, &'a [(EntityKind, &'a str)], Option<&'a str>);
    let cases: [Case; 6] = [
        (
            "Officials from France, Britain and Canada said output fell.",
            &[
                (EntityKind::Place, "France"),
                (EntityKind::Place, "Britain"),
                (EntityKind::Place, "Canada"),
            ],
            Some("France"),
        ),
        (
            "The United States, Taiwan's main trading partner, said talks went on.",
            &[
                (EntityKind::Place, "United States"),
                (EntityKind::Place, "Taiwan"),
            ],
            Some("United States"),
        ),
        (
            "Beryl Sprinkel, Chairman of the Council of Economic Advisers, said growth would pick up.",
            &[
                (EntityKind::Person, "Beryl Sprinkel"),
                (EntityKind::Org, "Council of Economic Advisers"),
            ],
            Some("Beryl Sprinkel"),
        ),
        (
            "Damage to the crop is minor, the Agriculture Department's Counselor in Warsaw said.",
            &[
                (EntityKind::Org, "Agriculture Department"),
                (EntityKind::Place, "Warsaw"),
            ],
            Some("Agriculture Department"),
        ),
        (
            "U.S. Ambassador to GATT Michael Samuels said the talks would go on.",
            &[
                (EntityKind::Org, "GATT"),
                (EntityKind::Person, "Michael Samuels"),
            ],
            Some("Michael Samuels"),
        ),
        // No list: a city and its state.
        (
            "An investor from Davenport, Iowa, said he sold.",
            &[(EntityKind::Place, "Davenport"), (EntityKind::Place, "Iowa")],
            Some("Iowa"),
        ),
    ];
    for (body, names, head) in cases {
        let mentions: Vec<Mention> = names
            .iter()
            .map(|(kind, text)| first_mention(body, *kind, text, text))
            .collect();
        let heads = speaker_heads(body, &mentions);
        assert_eq!(
            heads[0].as_deref(),
            head,
            "{body}: {:#?}",
            find("", body, &mentions)
        );
    }
}

#[test]
fn titles_after_in_or_to_and_a_persons_aide_are_no_speakers_own() {
    let body = "Farmers will sign up, an aide to Agriculture Secretary Richard Lyng said. Traders in Tokyo said the yen rose. Talks will go on, Lyng's aide said. Trade is fair, the U.S. ambassador to Japan, Mike Mansfield, said. Nancy Tackett, Kampleman's staff assistant, said the talks would resume. Chirac's statement said the deal was good.";
    let mentions = [
        first_mention(body, EntityKind::Person, "Richard Lyng", "Richard Lyng"),
        first_mention(body, EntityKind::Place, "Tokyo", "Tokyo"),
        mention_at(
            body.find("Lyng's").expect("in the text"),
            EntityKind::Person,
            "Richard Lyng",
            "Lyng",
        ),
        first_mention(body, EntityKind::Place, "United States", "U.S."),
        first_mention(body, EntityKind::Place, "Japan", "Japan"),
        first_mention(body, EntityKind::Person, "Mike Mansfield", "Mike Mansfield"),
        first_mention(body, EntityKind::Person, "Nancy Tackett", "Nancy Tackett"),
        first_mention(body, EntityKind::Person, "Max Kampelman", "Kampleman"),
        first_mention(body, EntityKind::Person, "Jacques Chirac", "Chirac"),
    ];
    assert_eq!(
        speaker_heads(body, &mentions),
        [
            None,
            None,
            None,
            Some("Mike Mansfield".to_string()),
            Some("Nancy Tackett".to_string()),
            Some("Jacques Chirac".to_string()),
        ]
    );
    let heads: Vec<Option<String>> = find(
        "",
        "Gardini, commenting on Callebaut's remarks, said talks went on. Prices rose, bankers polled by Reuters said. Crime fell, figures compiled by the Tories said.",
        &[
            mention_at(0, EntityKind::Person, "Raul Gardini", "Gardini"),
            mention_at(23, EntityKind::Person, "Pierre Callebaut", "Callebaut"),
            mention_at(95, EntityKind::Org, "Reuters", "Reuters"),
            mention_at(145, EntityKind::Org, "Conservative Party", "Tories"),
        ],
    )
    .into_iter()
    .filter(|a| a.cue.span.text == "said")
    .map(|a| a.source.and_then(|s| s.canonical))
    .collect();
    assert_eq!(
        heads,
        [
            Some("Raul Gardini".to_string()),
            None,
            Some("Conservative Party".to_string())
        ]
    );
    // Reuters polled the bankers: it neither speaks nor is spoken for.
    let polled = find(
        "",
        "Prices rose, bankers polled by Reuters said.",
        &[mention_at(31, EntityKind::Org, "Reuters", "Reuters")],
    );
    assert_eq!(polled.len(), 1, "{polled:?}");
    assert_eq!(polled[0].speaker_names(), Vec::<&str>::new());
    // `talks` stops the phrase after `said` as a cue: no speaker `the`.
    let a = found("Nancy Tackett, an assistant, said the talks would resume.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("Nancy Tackett, an assistant"));
    assert_eq!(a[0].content.text, "the talks would resume");
}

#[test]
fn the_spokesman_and_he_are_the_named_spokesman() {
    let body = "Iranian foreign ministry spokesman Saeed Khatibzadeh condemned the accusations. Later the spokesman said talks would go on. He added that Iran was calm.";
    let mentions = [
        first_mention(body, EntityKind::Place, "Iran", "Iranian"),
        first_mention(
            body,
            EntityKind::Person,
            "Saeed Khatibzadeh",
            "Saeed Khatibzadeh",
        ),
    ];
    let a = find("", body, &mentions);
    assert_eq!(a.len(), 3, "{a:#?}");
    for x in &a {
        let source = x.source.as_ref().expect("a source");
        assert_eq!(
            source.canonical.as_deref(),
            Some("Saeed Khatibzadeh"),
            "{x:?}"
        );
        assert_eq!(source.affiliations, vec!["Iran".to_string()], "{x:?}");
    }
    assert_eq!(role_noun("the foreign minister"), Some("minister"));
    assert_eq!(role_noun("a spokesman"), None);
    assert_eq!(role_noun("the U.S. officials"), None);
}

#[test]
fn a_place_or_company_after_a_person_is_the_speakers_affiliation() {
    let body = "Gov. Terry Branstad of Iowa said the farm bill would pass. Mary Jones from Exxon said prices would rise. Iowa officials said the harvest was late.";
    let mention = |kind, canonical: &str, text: &str, nth: usize| {
        let start = body.match_indices(text).nth(nth).expect("in the text").0;
        Mention {
            kind,
            canonical: canonical.to_string(),
            text: text.to_string(),
            field: "body",
            start,
            end: start + text.len(),
        }
    };
    let mentions = [
        mention(EntityKind::Person, "Terry Branstad", "Terry Branstad", 0),
        mention(EntityKind::Place, "Iowa", "Iowa", 0),
        mention(EntityKind::Person, "Mary Jones", "Mary Jones", 0),
        mention(EntityKind::Org, "Exxon", "Exxon", 0),
        mention(EntityKind::Place, "Iowa", "Iowa", 1),
    ];
    let a = find("", body, &mentions);
    let speakers: Vec<(Option<&str>, &[String])> = a
        .iter()
        .filter_map(|x| x.source.as_ref())
        .map(|s| (s.canonical.as_deref(), s.affiliations.as_slice()))
        .collect();
    assert_eq!(
        speakers,
        vec![
            (Some("Terry Branstad"), &["Iowa".to_string()][..]),
            (Some("Mary Jones"), &["Exxon".to_string()][..]),
            (Some("Iowa"), &[][..]),
        ],
        "{a:#?}"
    );
    // A comma before a role: the person, not the employer (and `and` joins two).
    let phrase = "John Smith, a spokesman for Exxon";
    let span = Span {
        field: "body",
        start: 0,
        end: phrase.len(),
        text: phrase.to_string(),
    };
    let at = |text: &str, kind| {
        let start = phrase.find(text).expect("in the phrase");
        Mention {
            kind,
            canonical: text.to_string(),
            text: text.to_string(),
            field: "body",
            start,
            end: start + text.len(),
        }
    };
    let (smith, exxon) = (
        at("John Smith", EntityKind::Person),
        at("Exxon", EntityKind::Org),
    );
    let inside = [&smith, &exxon];
    let inside: Vec<&&Mention> = inside.iter().collect();
    assert_eq!(
        head_mention(&inside, &span).map(|m| m.canonical.as_str()),
        Some("John Smith")
    );
    let phrase = "Smith and Exxon";
    let span = Span {
        text: phrase.to_string(),
        end: phrase.len(),
        ..span
    };
    let (smith, exxon) = (
        Mention {
            start: 0,
            end: 5,
            ..smith
        },
        Mention {
            start: 10,
            end: 15,
            ..exxon
        },
    );
    let inside = [&smith, &exxon];
    let inside: Vec<&&Mention> = inside.iter().collect();
    assert_eq!(
        head_mention(&inside, &span).map(|m| m.canonical.as_str()),
        Some("Exxon")
    );
}

#[test]
fn questions_parentheticals_and_negations_keep_their_speakers() {
    let a = found("“How often must we see this?” Clinton said. “In Tulsa, a man died.”");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].content.text, "How often must we see this");
    assert!(a[0].direct);
    let c = found("On Wednesday Mr Blair denied the claims.");
    assert_eq!(speaker_of(&c[0]), Some("Mr Blair"));
    let b = found("Sen. David Perdue (R-Ga.) said he didn’t believe the reports.");
    let said = b.iter().find(|x| x.cue.lemma == "say").expect("said");
    assert_eq!(speaker_of(said), Some("Sen. David Perdue"));
    let believe = b
        .iter()
        .find(|x| x.cue.lemma == "believe")
        .expect("believe");
    assert_eq!(speaker_of(believe), Some("he"));
}

#[test]
fn a_name_and_a_colon_speak_to_the_end_of_the_paragraph() {
    let body = "\"PENCE: Well, look, the debate is tomorrow. We are ready.\n\nThe Latest: Trump urges supporters to vote.\n\nNOTES: Sales rose.";
    let pence = Mention {
        kind: EntityKind::Person,
        canonical: "Mike Pence".to_string(),
        text: "PENCE".to_string(),
        field: "body",
        start: 1,
        end: 6,
    };
    let a = find("", body, &[pence]);
    let colons: Vec<&Attribution> = a.iter().filter(|x| x.cue.span.text == ":").collect();
    assert_eq!(colons.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("PENCE"));
    assert_eq!(
        a[0].content.text,
        "Well, look, the debate is tomorrow. We are ready"
    );
    assert_eq!(a[0].cue.span.text, ":");
    assert!(found("Partial transcript as follows: the debate.").is_empty());
}

#[test]
fn a_transcripts_turns_speak_though_the_tagger_knows_no_name() {
    let body = "\"WALLACE: Let's start with the debate.\n\n\"PENCE: Well, look.\n\n\"WALLACE: As “The Wall Street Journal” wrote, do you really see those two as equivalent?\n\nNEWS: Sales rose.";
    let a = found(body);
    let turns: Vec<(&str, &str)> = a
        .iter()
        .filter(|x| x.cue.span.text == ":")
        .map(|x| (speaker_of(x).unwrap_or(""), x.content.text.as_str()))
        .collect();
    assert_eq!(
        turns,
        vec![
            ("WALLACE", "Let's start with the debate"),
            (
                "WALLACE",
                "As “The Wall Street Journal” wrote, do you really see those two as equivalent"
            ),
        ]
    );
    // One capitalized label heads no transcript.
    assert!(found("NEWS: Sales rose.\n\nMore text.").is_empty());
}

#[test]
fn a_quote_signed_with_a_dash_is_its_signers() {
    let a = found("“He represents our greatest shame.” ― Sonya Herridge “During the debate he lied.”― Pamela Padilla\n\nOther text.");
    let signed: Vec<(&str, &str)> = a
        .iter()
        .map(|x| {
            (
                x.source.as_ref().map_or("", |s| s.span.text.as_str()),
                x.content.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        signed,
        vec![
            ("Sonya Herridge", "He represents our greatest shame"),
            ("Pamela Padilla", "During the debate he lied"),
        ]
    );
    // A dash inside a sentence is no signature.
    assert!(found("“Not now” — the answer came fast.").is_empty());
    // A closing mark typed for the opening one at the paragraph's start still opens.
    let typo = found("”Fear. I am truly afraid that he will win.” ― Edwin Monroy\n\nOther text.");
    assert_eq!(typo.len(), 1, "{typo:?}");
    assert_eq!(speaker_of(&typo[0]), Some("Edwin Monroy"));
    assert_eq!(
        typo[0].content.text,
        "Fear. I am truly afraid that he will win"
    );
    assert!(typo[0].direct);
    // A scare quote inside the quote, in the same marks, is part of it.
    let nested = found(
        "“I’d rather live in what he calls “hell” than live here.” ― Julie A. Diaz Martinez.",
    );
    assert_eq!(nested.len(), 1, "{nested:?}");
    assert_eq!(speaker_of(&nested[0]), Some("Julie A. Diaz Martinez"));
    assert_eq!(
        nested[0].content.text,
        "I’d rather live in what he calls “hell” than live here"
    );
}

#[test]
fn a_dateline_is_not_part_of_the_speaker() {
    let a = found(
        "WASHINGTON, March 23 - U.S. Treasury Secretary James Baker said the dollar was stable.",
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        speaker_of(&a[0]),
        Some("U.S. Treasury Secretary James Baker")
    );
    // A hyphen inside a name still belongs to it.
    let b = found("Coca-Cola said profits rose.");
    assert_eq!(speaker_of(&b[0]), Some("Coca-Cola"));
}

#[test]
fn every_rules_file_is_part_of_the_extraction_fingerprint() {
    // A rules file left out of RULES_SOURCE would let `index` keep attributions that
    // the new rules no longer find.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/attribution");
    let mut files = vec![];
    for sub in [dir.clone(), dir.join("finder")] {
        for entry in std::fs::read_dir(&sub).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.extension().is_some_and(|e| e == "rs")
                && !["stored.rs", "tests.rs"].contains(&name.as_str())
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 14, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            RULES_SOURCE.contains(&text.as_str()),
            "{} is not in RULES_SOURCE",
            path.display()
        );
    }
}

#[test]
fn a_saying_verb_after_a_preposition_has_the_sentences_speaker() {
    let body = "Mr Clarke began by saying officials would face up to two years in jail.";
    let clarke = Mention {
        kind: EntityKind::Person,
        canonical: "Charles Clarke".to_string(),
        text: "Clarke".to_string(),
        field: "body",
        start: 3,
        end: 9,
    };
    let a = find("", body, &[clarke]);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].cue.lemma, "say");
    assert_eq!(
        a[0].source.as_ref().and_then(|s| s.canonical.as_deref()),
        Some("Charles Clarke")
    );
    assert_eq!(
        a[0].content.text,
        "officials would face up to two years in jail"
    );
    // Deeds are no reports, and refraining from saying says nothing.
    assert!(found("Burka won after claiming victory in the women's race.").is_empty());
    assert!(
        found("The broadcaster was accused of denying him a cola drink.")
            .iter()
            .all(|x| x.cue.lemma != "deny")
    );
    assert!(found("He refrained from saying who would win.").is_empty());
}

#[test]
fn reported_words_end_where_the_writer_goes_on() {
    let content = |body: &str| {
        let a = found(body);
        assert_eq!(a.len(), 1, "{a:?}");
        a[0].content.text.clone()
    };
    // A contrast with its own subject, a semicolon, a lone dash.
    assert_eq!(
        content("He said Mr. Bush had not won him over, but he sounded a nostalgic note."),
        "Mr. Bush had not won him over"
    );
    assert_eq!(
        content("Most said they would switch; 62 percent of those were Sanders supporters."),
        "they would switch"
    );
    assert_eq!(
        content("He said the film would be rated PG-13 - roughly a British 12A."),
        "the film would be rated PG-13"
    );
    // A sum in brackets, an aside between two dashes, `but that` and a verb of the
    // content's own go on.
    assert_eq!(
        content(
            "Indonesia said repayments would reach 30 trillion rupiah ($3.2bn; £1.7bn) this year."
        ),
        "repayments would reach 30 trillion rupiah ($3.2bn; £1.7bn) this year"
    );
    assert_eq!(
        content("The firm stressed that its projects - which include the White City scheme - were performing strongly."),
        "its projects - which include the White City scheme - were performing strongly"
    );
    assert_eq!(
        content("He said the plan was sound, but that it needed more money."),
        "the plan was sound, but that it needed more money"
    );
    assert_eq!(
        content("She cited the late 1980s as an example, but substantially revised it later."),
        "the late 1980s as an example, but substantially revised it later"
    );
    // Inside a quote the speaker's words run to the closing mark.
    assert_eq!(
        content("He said the plan was “sound; but costly” and left."),
        "the plan was “sound; but costly” and left"
    );
}

#[test]
fn a_second_verb_or_a_relative_names_someone_with_call() {
    let called = |body: &str| {
        found(body)
            .into_iter()
            .find(|a| a.cue.lemma == "call")
            .map(|a| (speaker_of(&a).map(str::to_string), a.content.text))
    };
    assert_eq!(
        called("Cruz knocked Rubio on trade and called him a “moderate,” a subtle dig."),
        Some((
            Some("Cruz".to_string()),
            "him a “moderate,” a subtle dig".to_string()
        ))
    );
    assert_eq!(
        called("Trump had voiced support for a single-payer system and called himself pro-choice."),
        Some((Some("Trump".to_string()), "himself pro-choice".to_string()))
    );
    // A call that names no one is a telephone call or a noun.
    assert_eq!(
        called("The singer, who called the police, was unhurt."),
        None
    );
    assert_eq!(called("Prices rose and calls for action grew."), None);
}

#[test]
fn quoted_words_that_end_a_clause_are_said_with_it() {
    let a = found("Trump's misinformation may be \"strategic,\" said Hemsley.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "Trump's misinformation may be \"strategic,\""
    );
    assert!(!a[0].direct);
    // A quote that is the whole content stays a direct quote.
    let a = found("“That’s a legitimate concern,” Sarandon said.");
    assert_eq!(a[0].content.text, "That’s a legitimate concern");
    assert!(a[0].direct);
}

#[test]
fn a_second_verb_after_an_opening_phrase_has_the_subject_as_speaker() {
    let a = found("At the conference, he laughed and said the race was close.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("he"));
    assert_eq!(a[0].content.text, "the race was close");
}

#[test]
fn a_month_after_the_cue_says_when_not_what() {
    let a = found("Priebus pointed out in December 2015, “In the week before the convention, the delegates will decide.”");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        a[0].content.text,
        "In the week before the convention, the delegates will decide."
    );
}

#[test]
fn a_gloss_ends_what_was_said_but_an_aside_inside_it_does_not() {
    let content = |body: &str| found(body)[0].content.text.clone();
    assert_eq!(
        content("Many observers believe the unit, which produces 60% of Yukos' oil output, could fall into the hands of Gazprom."),
        "the unit, which produces 60% of Yukos' oil output, could fall into the hands of Gazprom"
    );
    assert_eq!(
        content("The poll showed a tight race for Hillary Clinton, who may have to decide how far to go."),
        "a tight race for Hillary Clinton"
    );
    assert_eq!(
        content("He said the plan was sound, saying it would pass."),
        "the plan was sound"
    );
}

#[test]
fn a_restrictive_relative_clause_is_part_of_its_speaker_and_names_no_one_inside_it() {
    let one = |body: &str| {
        let a = found(body);
        assert_eq!(a.len(), 1, "{body}: {a:?}");
        speaker_of(&a[0]).unwrap_or("").to_string()
    };
    // The voters spoke, not Trump: a name inside the clause neither speaks nor
    // lends the speaker an affiliation.
    let voters = "Voters who backed Trump said the economy was their top issue.";
    let a = find(
        "",
        voters,
        &[first_mention(
            voters,
            EntityKind::Person,
            "Donald Trump",
            "Trump",
        )],
    );
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("Voters who backed Trump"));
    assert_eq!(canonicals_and_affiliations(&a), vec![(None, vec![])]);
    assert_eq!(
        one("Officials who spoke on condition of anonymity said the talks had stalled."),
        "Officials who spoke on condition of anonymity"
    );
    assert_eq!(
        one("Analysts who follow the company said earnings would rise."),
        "Analysts who follow the company"
    );
    assert_eq!(
        one("A man who had worked for the company for years said he was fired."),
        "A man who had worked for the company for years"
    );
    // A name before the clause is who speaks.
    let mccain = "Senator John McCain who chairs the committee said the talks had stalled.";
    let a = find(
        "",
        mccain,
        &[first_mention(
            mccain,
            EntityKind::Person,
            "John McCain",
            "John McCain",
        )],
    );
    assert_eq!(
        speaker_of(&a[0]),
        Some("Senator John McCain who chairs the committee")
    );
    assert_eq!(
        canonicals_and_affiliations(&a),
        vec![(Some("John McCain"), vec![])]
    );
    // Set off by commas, the clause is an aside (handled as before).
    assert_eq!(
        one("Clark, who plans to be in Japan, said talks would go ahead."),
        "Clark, who plans to be in Japan"
    );
    // A clause inside the clause has its own subject, who speaks.
    let speakers = |body: &str| {
        found(body)
            .iter()
            .map(|a| speaker_of(a).unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        speakers(
            "Wilson is the congressman who gained attention in 2009 when he yelled “You lie!”"
        ),
        ["he"]
    );
    assert_eq!(
        speakers("He is a divisive man who would split the country into the camps that Mr. Obama argued were wrong."),
        ["Mr. Obama"]
    );
    assert_eq!(
        speakers(
            "Those who love gadgets may want to buy presents early as experts predict a shortage."
        ),
        ["experts"]
    );
    // A gerund after the main verb shares the whole subject.
    assert_eq!(
        speakers("One Democratic official who relayed the exchange said Reid quieted the chatter, telling his colleagues, \"We have to treat him fairly.\""),
        [
            "One Democratic official who relayed the exchange",
            "One Democratic official who relayed the exchange"
        ]
    );
    // An object relative: its own subject believes.
    assert_eq!(
        speakers("It has the support of a man who many believe betrayed the party."),
        ["many"]
    );
}

#[test]
fn a_poll_reports_its_findings_as_according_to_does() {
    let parts = |body: &str| {
        found(body)
            .into_iter()
            .map(|a| {
                (
                    speaker_of(&a).unwrap_or("").to_string(),
                    a.cue.span.text.clone(),
                    a.cue.lemma,
                    a.content.text,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        parts("In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton while 40 percent chose Trump."),
        [(
            "an NBC News/Wall Street Journal poll released Monday".to_string(),
            "In".to_string(),
            "according to",
            "50 percent of respondents chose Clinton while 40 percent chose Trump".to_string()
        )]
    );
    assert_eq!(
        parts("Hillary Clinton held a 24-point lead over Barack Obama among black voters in a CNN national poll."),
        [(
            "a CNN national poll".to_string(),
            "in".to_string(),
            "according to",
            "Hillary Clinton held a 24-point lead over Barack Obama among black voters".to_string()
        )]
    );
    // A standing in the polls is no one poll's findings.
    assert!(parts("Trump has a decisive lead in the polls ahead of the primary.").is_empty());
    assert!(parts("He plummeted in national polls after the debate.").is_empty());
    // No poll's findings: another noun's modifier, a place, a phrase without a poll.
    assert!(parts("Thousands marched in the poll tax riots of 1990.").is_empty());
    assert!(
        parts("Prices rose in the region, a poll of traders showed.")
            .iter()
            .all(|(_, cue, _, _)| cue != "in")
    );
    assert!(parts("He voted in the primary.").is_empty());
    assert!(parts("An ADB team is now in India for a survey.").is_empty());
    assert!(parts("GANDHI PARTY BADLY DEFEATED IN INDIA STATE POLL").is_empty());
    // The poll's owner or the sentence's own speaker reports the findings.
    assert_eq!(
        parts("In its monthly survey of U.S., European and Japanese chip makers, the association said orders rose.")
            .iter()
            .map(|(speaker, cue, _, _)| (speaker.as_str(), cue.as_str()))
            .collect::<Vec<_>>(),
        [("the association", "said")]
    );
    assert!(parts("A year earlier, in a similar survey, 53 pct of Americans said it was likely, the group reported.")
        .iter()
        .all(|(_, cue, _, _)| cue != "in"));
}

#[test]
fn a_headline_label_before_a_colon_says_the_clause_after_it() {
    // BBC titles; PolNeAR texts open with their headline as a paragraph.
    let a = find("Campbell: E-mail row 'silly fuss'", "", &[]);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("Campbell"));
    assert_eq!(a[0].cue.span.text, ":");
    assert_eq!(a[0].content.text, "E-mail row 'silly fuss'");
    assert_eq!(a[0].cue.span.field, "title");

    let a =
        found("Insiders: Trump will rebound in New Hampshire.\n\nDonald Trump is poised to win.");
    let colon = a
        .iter()
        .find(|x| x.cue.span.text == ":")
        .expect("colon cue");
    assert_eq!(speaker_of(colon), Some("Insiders"));
    assert_eq!(colon.content.text, "Trump will rebound in New Hampshire");

    // Who it was said to is not the speaker; a section label before a dash is not either.
    let a = found("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nText.");
    assert_eq!(a.first().and_then(speaker_of), Some("Clinton"), "{a:?}");
    let a =
        found("EXCLUSIVE \u{2013} Roger Stone: Don\u{2019}t Trust the Voting Machines.\n\nText.");
    assert_eq!(a.first().and_then(speaker_of), Some("Roger Stone"), "{a:?}");
}

#[test]
fn a_headline_label_with_a_description_or_a_section_says_nothing() {
    for title in [
        "Johnny Depp: The acting outlaw",
        "Japan's ageing workforce: built to last",
        "Profile: David Miliband",
        "DVD review: Harry Potter and the Prisoner of Azkaban",
        "2004: An Irish Athletics Year",
    ] {
        let a = find(title, "", &[]);
        assert!(
            a.iter().all(|x| x.cue.span.field != "title"),
            "{title}: {a:?}"
        );
    }
    // A dateline is a place, and a lead past the first paragraph is no headline.
    let body = "WASHINGTON: The president will veto the bill.\n\nMore text.";
    let place = first_mention(body, EntityKind::Place, "Washington", "WASHINGTON");
    let a = find("", body, &[place]);
    assert!(a.iter().all(|x| x.cue.span.text != ":"), "{a:?}");
    let a = found("First paragraph.\n\nInsiders: Trump will rebound in New Hampshire.");
    assert!(a.iter().all(|x| speaker_of(x) != Some("Insiders")), "{a:?}");
}

#[test]
fn a_roundup_item_after_a_dash_names_its_speaker_before_the_colon() {
    // HuffPollster roundups: a summary, a dash, then who said the quote.
    let body = "The caucus was close. Pollsters agree - Carl Bialik: \u{201c}One of the biggest \
                lessons was a simple one.\u{201d}";
    let bialik = first_mention(body, EntityKind::Person, "Carl Bialik", "Carl Bialik");
    let a = find("", body, &[bialik]);
    let quoted = a
        .iter()
        .find(|x| x.cue.span.text == ":")
        .expect("colon cue");
    assert_eq!(speaker_of(quoted), Some("Carl Bialik"), "{a:?}");
    assert_eq!(
        quoted.content.text,
        "One of the biggest lessons was a simple one."
    );
}

#[test]
fn a_wire_headline_names_its_speaker_after_the_colon() {
    let a = find("CHINA MUST CUT DEMAND, CONTINUE REFORMS: ZHAO", "", &[]);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(speaker_of(&a[0]), Some("ZHAO"));
    assert_eq!(a[0].content.text, "CHINA MUST CUT DEMAND, CONTINUE REFORMS");
    // A colon inside a name or a time labels nothing; nor does a table's heading.
    for title in [
        "TV presenter Deeley drops CD:UK",
        "MIDWEST GRAIN FUTURES 10:50   EDT",
        "N.Y. RUBBER MISCELLANEOUS -APR 7 RUBBER TRADE ASSOCIATION CLOSING PRICES: CENTS PER",
    ] {
        let a = find(title, "", &[]);
        assert!(a.is_empty(), "{title}: {a:?}");
    }
}

#[test]
fn a_headline_participle_before_a_preposition_is_a_passive_with_no_speaker() {
    // BBC titles: whoever stands before the participle was accused, urged, attacked.
    for title in [
        "Labour accused of broken pledge",
        "Holmes urged to compete at Worlds",
        "Apple attacked over sources row",
        "Act on detention ruling, UK urged",
        "Kilroy-Silk attacked with slurry",
    ] {
        let a = find(title, "", &[]);
        assert_eq!(a.len(), 1, "{title}: {a:?}");
        assert_eq!(speaker_of(&a[0]), None, "{title}: {a:?}");
    }
    // An object after it, an agent after `by`, or a present tense: active, spoken.
    for (title, speaker) in [
        ("UKIP MEP attacked German 'empire'", "UKIP MEP"),
        ("MP attacked by muggers in Kenya", "muggers"),
        ("Blair accuses Tories of scaremongering", "Blair"),
        (
            "Italian government has resigned, officials warned",
            "officials",
        ),
    ] {
        let a = find(title, "", &[]);
        assert_eq!(
            a.first().and_then(speaker_of),
            Some(speaker),
            "{title}: {a:?}"
        );
    }
    // In a body the same words after a name are no headline.
    let a = find(
        "",
        "The minister accused of lying resigned. Labour accused Blair of lying.",
        &[],
    );
    assert!(a.iter().any(|x| speaker_of(x) == Some("Labour")), "{a:?}");
}

#[test]
fn a_negated_cue_says_so_and_keeps_its_class() {
    let a = found("A Salomon spokesman did not deny O'Malley had left. The bank has never accused him of fraud. The firm couldn't confirm the sale. Iran denied the report.");
    let cues: Vec<(&str, &str, bool)> = a
        .iter()
        .map(|x| {
            (
                x.cue.span.text.as_str(),
                x.cue.stance.as_str(),
                x.cue.negated,
            )
        })
        .collect();
    assert_eq!(
        cues,
        [
            ("did not deny", "deny", true),
            ("has never accused", "accuse", true),
            ("couldn't confirm", "confirm", true),
            ("denied", "deny", false),
        ]
    );
    assert_eq!(a[0].cue.stance_name(), "not-deny");
    assert_eq!(a[3].cue.stance_name(), "deny");
}

#[test]
fn responding_by_doing_keeps_the_subject_as_the_speaker() {
    // BBC politics/011, business/496: a gerund taking an object after `by` is how the
    // speaker answered, never the speaker.
    let a = found("Mr Fox responded by accusing the prime minister of hiding away from the media.");
    let responded = a.iter().find(|a| a.cue.lemma == "respond");
    assert_eq!(responded.and_then(speaker_of), Some("Mr Fox"), "{a:?}");
    let accusing = a.iter().find(|a| a.cue.lemma == "accuse");
    assert_eq!(accusing.and_then(speaker_of), Some("Mr Fox"), "{a:?}");
    let b = found("Markets responded by pushing the euro lower on Friday.");
    assert!(b.iter().all(|a| speaker_of(a) == Some("Markets")), "{b:?}");
    // BBC tech/081: the means of a reduced passive is no content.
    let c = found("Many search engines list websites found by indexing the web every week.");
    assert!(c.iter().all(|a| a.cue.lemma != "find"), "{c:?}");
    // An agent after `by` is still one, also an adjective in -ing before its noun.
    let d = found("The plan was criticised by leading economists on Monday.");
    assert_eq!(
        d.first().and_then(speaker_of),
        Some("leading economists"),
        "{d:?}"
    );
}

#[test]
fn a_quoted_paragraph_after_said_colon_may_run_long() {
    // PolNeAR dev (Breitbart, 2016-09-29): eight quoted sentences, one paragraph.
    let a = found("Trump spoke in Chicago.\n\nHe said:\n\n\"We have a situation. You walk down the street. You get shot. They had thousands of shootings. Thousands of shootings. And I am saying, where is this? What are we doing? We have to bring back law and order.\"\n\nThe debate went on.");
    let said = a.iter().find(|a| a.cue.lemma == "say" && a.direct);
    assert!(
        said.is_some_and(|a| a.content.text.ends_with("law and order.")),
        "{a:?}"
    );
}

#[test]
fn a_cue_word_closing_a_singular_noun_phrase_is_the_noun() {
    // Reuters: `a pay dispute`, `a federal guarantee`; BBC: `a stinging rebuke`,
    // `full of praise`.
    for sentence in [
        "The strike began after a pay dispute with the port authority, officials said.",
        "The bank sought a federal guarantee of both borrower stock and system bonds.",
        "It was a stinging rebuke for the government and especially John Prescott.",
        "She was full of praise for her director and co-star Clint Eastwood.",
    ] {
        let a = found(sentence);
        assert!(
            a.iter()
                .all(|a| !matches!(a.cue.lemma, "dispute" | "guarantee" | "rebuke" | "praise")),
            "{sentence}: {a:?}"
        );
    }
    // The verbs stay: a plural or counted subject, an auxiliary, `to`.
    for (sentence, lemma) in [
        (
            "A few analysts dispute that the figures are accurate.",
            "dispute",
        ),
        ("Union leaders dispute the company's figures.", "dispute"),
        ("The company did not dispute the claims.", "dispute"),
        ("Union leaders praise the plan.", "praise"),
        ("A statement read: \"We regret the delay.\"", "read"),
        // PolNeAR: a clause of its own inside the phrase.
        (
            "A worthy opposition would demand more clarity from Obama.",
            "demand",
        ),
        (
            "It was a step they believe could help unify the party.",
            "believe",
        ),
        (
            "He is a man whom many believe betrayed the people.",
            "believe",
        ),
    ] {
        let a = found(sentence);
        assert!(a.iter().any(|a| a.cue.lemma == lemma), "{sentence}: {a:?}");
    }
}

#[test]
fn a_charge_of_money_and_a_launch_are_no_accusations() {
    // Reuters-21578: accounting charges, prices, a rocket.
    for sentence in [
        "The costs were charged against 1986 earnings, the company said.",
        "It charges contract barge customers for heating oil in New York harbor.",
        "Buyers would be charged 17.25 dlrs per barrel for Isthmus crude.",
        "The rocket blasted off from Sriharikota near Madras.",
    ] {
        let a = found(sentence);
        assert!(
            a.iter().all(|a| !matches!(a.cue.lemma, "charge" | "blast")),
            "{sentence}: {a:?}"
        );
    }
    // Accusations stay.
    for sentence in [
        "The SEC charged Dean Witter with failing to supervise its brokers.",
        "U.S. Ambassador Michael Samuels charged Canada was trying to preserve jobs.",
        "The panel blasted the conduct of the NSC staff.",
    ] {
        let a = found(sentence);
        assert!(
            a.iter().any(|a| matches!(a.cue.lemma, "charge" | "blast")),
            "{sentence}: {a:?}"
        );
    }
}

#[test]
fn a_mostly_noun_cue_after_a_singular_word_is_the_noun() {
    // BBC titles and Reuters: `Strong demand`, `Fresh hope`, `talk show`.
    for sentence in [
        "Strong demand triggers oil rally",
        "Fresh hope after Argentine crisis",
        "The talk show host Jerry Springer said he was pleased.",
        "Domestic demand is now expected to make no contribution to growth.",
        // Reuters, 1987-03-31.
        "The U.S.-Japan trade dispute intensified last week.",
    ] {
        let a = found(sentence);
        assert!(
            a.iter()
                .all(|a| !matches!(a.cue.lemma, "demand" | "hope" | "show" | "dispute")),
            "{sentence}: {a:?}"
        );
    }
    // Plural subjects, people and a compound subject speak.
    for (sentence, lemma) in [
        ("Police praise courageous Ozzy", "praise"),
        ("MPs demand to know who leaked the budget.", "demand"),
        ("Workers and management dispute the figures.", "dispute"),
        ("Figures show the economy grew by 2%.", "show"),
        (
            "Some may recall the farmers driving around the Capitol.",
            "recall",
        ),
    ] {
        let a = found(sentence);
        assert!(a.iter().any(|a| a.cue.lemma == lemma), "{sentence}: {a:?}");
    }
}
