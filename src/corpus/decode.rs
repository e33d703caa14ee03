//! Bytes to text: UTF-8 first, a detected legacy encoding second.
//!
//! Old wire copy is often Latin-1 or Windows-1252; BBC's archive has one such file.
//! Decoding never fails on text-like input: bytes that are not valid UTF-8 are handed
//! to `chardetng` (the detector Firefox uses), which picks the most likely legacy
//! encoding, and `encoding_rs` decodes with it.

use super::ReadError;

/// Text decoded from a file, and the legacy encoding used when it was not UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// `Some("windows-1252")` etc. when UTF-8 decoding failed and a fallback was used.
    pub fallback_encoding: Option<&'static str>,
}

/// How many leading bytes are inspected for NUL bytes to call a file binary.
const BINARY_SNIFF_LEN: usize = 8192;

/// Decodes a file's bytes, refusing empty and binary files.
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, ReadError> {
    // Owned bytes become the text in place when they are UTF-8 (the usual case): a
    // 180 MB JSONL file is never held twice.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        // UTF-16 files legitimately contain NUL bytes: decode them before sniffing.
        let (text, _, _) = encoding.decode(&bytes[bom_len..]);
        return finish(text.into_owned(), None);
    }
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    if sniff.contains(&0) {
        return Err(ReadError::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => finish(text, None),
        Err(not_utf8) => {
            let bytes = not_utf8.into_bytes();
            let encoding = legacy_encoding(&bytes);
            let (text, _, _) = encoding.decode(&bytes);
            finish(text.into_owned(), Some(encoding.name()))
        }
    }
}

/// Below this many non-ASCII bytes, statistics cannot tell legacy encodings apart
/// (one `£` reads as `Ł` in Windows-1250), so the wire-copy default wins.
const DETECTION_MIN_NON_ASCII: usize = 64;

/// The legacy encoding of non-UTF-8 bytes: Windows-1252 (a superset of Latin-1, the
/// usual case for old English wire copy) unless there is enough non-ASCII text for
/// `chardetng` to recognise another script with confidence.
fn legacy_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii < DETECTION_MIN_NON_ASCII {
        return encoding_rs::WINDOWS_1252;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    match detector.guess(None, true) {
        e if e == encoding_rs::UTF_8 => encoding_rs::WINDOWS_1252,
        e => e,
    }
}

fn finish(text: String, fallback_encoding: Option<&'static str>) -> Result<Decoded, ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let text = if text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Ok(Decoded {
        text,
        fallback_encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_without_fallback() {
        let d = decode("Pompeo’s remarks".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "Pompeo’s remarks");
        assert_eq!(d.fallback_encoding, None);
    }

    #[test]
    fn latin1_is_detected_and_decoded() {
        let bytes = b"Le ministre fran\xe7ais a d\xe9clar\xe9 que la r\xe9forme \xe9tait pr\xeate.";
        let d = decode(bytes.to_vec()).unwrap();
        assert!(d.text.contains("français"), "{}", d.text);
        assert!(d.text.contains("déclaré"));
        assert!(d.fallback_encoding.is_some());
    }

    #[test]
    fn a_lone_pound_sign_is_windows_1252() {
        let d = decode(b"a \xa315.8m signing from Parma, said Adrian Mutu of Chelsea".to_vec())
            .unwrap();
        assert!(d.text.contains("\u{a3}15.8m"), "{}", d.text);
        assert_eq!(d.fallback_encoding, Some("windows-1252"));
    }

    #[test]
    fn a_long_cyrillic_text_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Президент России заявил журналистам, что переговоры продолжатся на следующей неделе в Москве.");
        let d = decode(bytes.to_vec()).unwrap();
        assert!(d.text.contains("Президент"), "{}", d.text);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x00\x00".to_vec()),
            Err(ReadError::Binary)
        ));
        assert!(matches!(decode(b"  \n\n ".to_vec()), Err(ReadError::Empty)));
        assert!(matches!(decode(Vec::new()), Err(ReadError::Empty)));
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        let d = decode(b"\xEF\xBB\xBFTitle\r\nBody\r\n".to_vec()).unwrap();
        assert_eq!(d.text, "Title\nBody\n");
    }
}
