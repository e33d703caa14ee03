//! Query text to tokens, each with its span: the only code that reads the query string.
//!
//! One scanner decides what separates words, so every later step agrees on it: words
//! end at whitespace, parentheses and quotes; an apostrophe or hyphen inside a word is
//! part of it (`O'Driscoll`, `al-Qaida`); `-` and `+` are operators only at the start of
//! a word; `AND`/`OR`/`NOT` are operators only as whole upper-case words; `NEAR/N`,
//! `SENTENCE` and `SAID` open a scope only when written exactly so and followed by `(`.

use super::ast::Span;
use super::QueryError;

/// The longest query accepted, in characters: longer texts are refused before any work.
pub const MAX_QUERY_CHARS: usize = 10_000;

/// One lexical unit of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    LParen,
    RParen,
    And,
    Or,
    Not,
    /// `-` at the start of a word: exclude.
    Minus,
    /// `+` at the start of a word: require (the default anyway).
    Plus,
    /// `name:` (a field name and its colon).
    Field(String),
    /// A bare word, possibly ending in `*` or `~N`, or a lone `*`.
    Word(String),
    /// A quoted phrase and its slop (`"a b"~2`).
    Phrase {
        text: String,
        slop: Option<u32>,
    },
    /// A range `[A TO B]`, `{A TO B}` or mixed: (lower inclusive, lower, upper, upper
    /// inclusive), the bounds as written.
    Range {
        lower_inclusive: bool,
        lower: String,
        upper: String,
        upper_inclusive: bool,
    },
    /// `NEAR/N(` or `SENTENCE(`: a scope and its opening parenthesis.
    Near(u32),
    Sentence,
    /// `SAID(`: an attribution scope (who said what) and its opening parenthesis.
    Said,
}

/// A token and where it was written (char columns).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Splits `text` into tokens.
pub fn lex(text: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = text.chars().collect();
    let err = |message: &str, column: usize, hint: Option<&str>| QueryError {
        query: text.to_string(),
        message: message.to_string(),
        column: Some(column),
        hint: hint.map(str::to_string),
    };
    if chars.len() > MAX_QUERY_CHARS {
        return Err(QueryError {
            query: text.chars().take(80).collect::<String>() + "…",
            message: format!(
                "the query is {} characters long; at most {MAX_QUERY_CHARS} are accepted",
                chars.len()
            ),
            column: None,
            hint: Some("split it into several searches, or use a saved query per topic".into()),
        });
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let push = |tokens: &mut Vec<Token>, kind, end| {
            tokens.push(Token {
                kind,
                span: Span { start, end },
            })
        };
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                push(&mut tokens, TokenKind::LParen, i + 1);
                i += 1;
            }
            ')' => {
                push(&mut tokens, TokenKind::RParen, i + 1);
                i += 1;
            }
            '"' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '"')
                    .ok_or_else(|| {
                        err(
                            "unclosed quote",
                            i,
                            Some("close the phrase with a second \""),
                        )
                    })?;
                let end = i + 1 + close;
                let phrase: String = chars[i + 1..end].iter().collect();
                i = end + 1;
                let mut slop = None;
                if chars.get(i) == Some(&'~') {
                    let digits: String = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    let n = digits
                        .parse::<u32>()
                        .ok()
                        .filter(|n| *n <= 100)
                        .ok_or_else(|| {
                            err(
                                "a phrase's slop is a number of words from 0 to 100",
                                i,
                                Some("e.g. \"church scientology\"~2"),
                            )
                        })?;
                    slop = Some(n);
                    i += 1 + digits.len();
                }
                push(&mut tokens, TokenKind::Phrase { text: phrase, slop }, i);
            }
            '[' | '{' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| c == ']' || c == '}')
                    .ok_or_else(|| err("unclosed range", i, Some("write ranges as [A TO B]")))?;
                let end = i + 1 + close;
                let inner: String = chars[i + 1..end].iter().collect();
                let Some((lower, upper)) = inner.split_once(" TO ") else {
                    return Err(err(
                        "a range needs `TO` between its bounds",
                        i,
                        Some("write ranges as [2020-06 TO 2021-02]"),
                    ));
                };
                let kind = TokenKind::Range {
                    lower_inclusive: c == '[',
                    lower: lower.trim().to_string(),
                    upper: upper.trim().to_string(),
                    upper_inclusive: chars[end] == ']',
                };
                i = end + 1;
                push(&mut tokens, kind, i);
            }
            '-' | '+' if word_follows(&chars, i + 1) => {
                let kind = if c == '-' {
                    TokenKind::Minus
                } else {
                    TokenKind::Plus
                };
                push(&mut tokens, kind, i + 1);
                i += 1;
            }
            _ => {
                let len = chars[i..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '"'))
                    .count();
                let word: String = chars[i..i + len].iter().collect();
                let paren_follows = chars.get(i + len) == Some(&'(');
                let (kind, consumed) = classify_word(&word, paren_follows);
                if paren_follows && word.starts_with("NEAR/") && matches!(kind, TokenKind::Word(_))
                {
                    return Err(err(
                        "NEAR/ needs a distance in words, e.g. NEAR/20(...)",
                        i,
                        Some("write NEAR/20(iran deny org:al-qaida)"),
                    ));
                }
                i += consumed;
                push(&mut tokens, kind, i);
            }
        }
    }
    Ok(tokens)
}

/// True when position `at` starts a word (so a `-` or `+` before it is an operator).
fn word_follows(chars: &[char], at: usize) -> bool {
    chars
        .get(at)
        .is_some_and(|c| !c.is_whitespace() && *c != ')')
}

/// What a run of word characters is, and how many of its chars it takes (a field
/// name takes only `name:`; the value is the next token).
fn classify_word(word: &str, paren_follows: bool) -> (TokenKind, usize) {
    let len = word.chars().count();
    match word {
        "AND" | "&&" => return (TokenKind::And, len),
        "OR" | "||" => return (TokenKind::Or, len),
        "NOT" => return (TokenKind::Not, len),
        "SENTENCE" if paren_follows => return (TokenKind::Sentence, len),
        "SAID" if paren_follows => return (TokenKind::Said, len),
        _ => {}
    }
    if paren_follows {
        if let Some(n) = word
            .strip_prefix("NEAR/")
            .and_then(|d| d.parse::<u32>().ok())
        {
            return (TokenKind::Near(n), len);
        }
    }
    if let Some((name, _)) = word.split_once(':') {
        let is_name = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if is_name {
            return (TokenKind::Field(name.to_string()), name.chars().count() + 1);
        }
    }
    (TokenKind::Word(word.to_string()), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        lex(text)
            .expect("lexes")
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        assert_eq!(
            kinds("O'Driscoll don’t al-Qaida"),
            vec![
                TokenKind::Word("O'Driscoll".into()),
                TokenKind::Word("don’t".into()),
                TokenKind::Word("al-Qaida".into()),
            ]
        );
    }

    #[test]
    fn operators_only_where_written_as_operators() {
        assert_eq!(
            kinds("-iran +iraq a-b SENTENCED NEAR/5 or"),
            vec![
                TokenKind::Minus,
                TokenKind::Word("iran".into()),
                TokenKind::Plus,
                TokenKind::Word("iraq".into()),
                TokenKind::Word("a-b".into()),
                TokenKind::Word("SENTENCED".into()),
                TokenKind::Word("NEAR/5".into()),
                TokenKind::Word("or".into()),
            ]
        );
        assert_eq!(
            kinds("SENTENCE(a b) NEAR/3(c d)")[..2],
            [TokenKind::Sentence, TokenKind::LParen]
        );
        assert_eq!(kinds("NEAR/3(c d)")[0], TokenKind::Near(3));
    }

    #[test]
    fn fields_phrases_and_ranges() {
        assert_eq!(
            kinds("person:\"Mike Pompeo\"~2 date:[2020 TO *} id:a/b.txt"),
            vec![
                TokenKind::Field("person".into()),
                TokenKind::Phrase {
                    text: "Mike Pompeo".into(),
                    slop: Some(2)
                },
                TokenKind::Field("date".into()),
                TokenKind::Range {
                    lower_inclusive: true,
                    lower: "2020".into(),
                    upper: "*".into(),
                    upper_inclusive: false
                },
                TokenKind::Field("id".into()),
                TokenKind::Word("a/b.txt".into()),
            ]
        );
    }

    #[test]
    fn errors_carry_columns() {
        assert_eq!(lex("a \"b").unwrap_err().column, Some(2));
        assert_eq!(lex("date:[2020").unwrap_err().column, Some(5));
        assert!(lex(&"a ".repeat(6000)).is_err());
    }
}
