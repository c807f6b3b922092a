//! From bytes to text. Never fails: undecodable input is decoded as well as it can be, and says so.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::Diagnostic;

/// Decodes a file's bytes.
///
/// A byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE). Without one, the bytes are read as UTF-8 when they
/// are valid UTF-8, and otherwise as Windows-1252, the encoding most often mislabelled as Latin-1 on the
/// web, with a diagnostic. Input that looks binary is decoded anyway and flagged.
pub fn decode(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            diagnostics.push(Diagnostic::warning(
                "encoding.invalid",
                format!(
                    "The file starts with a {} byte-order mark but is not valid {}: invalid bytes were replaced with U+FFFD.",
                    encoding.name(),
                    encoding.name()
                ),
            ));
        }
        if encoding != UTF_8 {
            diagnostics.push(Diagnostic::info(
                "encoding.bom",
                format!("Decoded as {} (byte-order mark).", encoding.name()),
            ));
        }
        text.into_owned()
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                diagnostics.push(Diagnostic::warning(
                    "encoding.fallback",
                    "The file is not valid UTF-8 and has no byte-order mark; it was decoded as Windows-1252. Check accented letters and quotation marks.",
                ));
                text.into_owned()
            }
        }
    };
    if looks_binary(&text) {
        diagnostics.push(Diagnostic::warning(
            "input.binary",
            "The file looks like binary data, not text: the result is unlikely to be an article.",
        ));
    }
    (text, diagnostics)
}

/// True when more than one character in ten is a control character other than whitespace.
/// Looks at the first 64 Ki characters, byte by byte: a character starts at every byte that is not a
/// UTF-8 continuation byte, and the control characters are C0 and DEL (one byte) and C1 (`C2 80`..`C2 9F`).
fn looks_binary(text: &str) -> bool {
    const LIMIT: usize = 64 * 1024;
    let bytes = text.as_bytes();
    // Without short-circuits, so that the block loop below vectorises.
    let is_c0 = |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c) | (b == 0x7f);
    let is_c1 = |w: &[u8]| w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1]);
    let (total, control) = if bytes.len() <= LIMIT {
        // At most 64 Ki bytes is at most 64 Ki characters: count them all, in one pass of simple tests
        // per byte that the compiler vectorises (counters of a byte per block of 128 bytes), instead of
        // a branch per character. A C1 control is a 0xC2 byte and the next: blocks without a 0xC2, almost
        // all of them, skip that test.
        let mut continuation = 0usize;
        let mut control = 0usize;
        for (k, block) in bytes.chunks(128).enumerate() {
            let (mut cont, mut c0, mut c2) = (0u8, 0u8, 0u8);
            for &b in block {
                cont += u8::from(b & 0xC0 == 0x80);
                c0 += u8::from(is_c0(b));
                c2 += u8::from(b == 0xC2);
            }
            continuation += usize::from(cont);
            control += usize::from(c0);
            if c2 > 0 {
                let from = k * 128;
                control +=
                    (from..from + block.len()).filter(|&i| bytes.get(i..i + 2).is_some_and(is_c1)).count();
            }
        }
        (bytes.len() - continuation, control)
    } else {
        let mut total = 0usize;
        let mut control = 0usize;
        for (i, &b) in bytes.iter().enumerate() {
            if b & 0xC0 == 0x80 {
                continue;
            }
            if total == LIMIT {
                break;
            }
            total += 1;
            if is_c0(b) || bytes.get(i..i + 2).is_some_and(is_c1) {
                control += 1;
            }
        }
        (total, control)
    };
    total > 0 && control * 10 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
        diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, diagnostics) = decode("Mr Lula’s “call”".as_bytes());
        assert_eq!(text, "Mr Lula’s “call”");
        assert!(diagnostics.is_empty());
        let (text, diagnostics) = decode(b"\xEF\xBB\xBFHello");
        assert_eq!(text, "Hello");
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn utf16_by_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Café".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, diagnostics) = decode(&bytes);
        assert_eq!(text, "Café");
        assert_eq!(codes(&diagnostics), ["encoding.bom"]);

        let mut bytes = vec![0xFE, 0xFF];
        for unit in "Café".encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&bytes).0, "Café");
    }

    #[test]
    fn windows_1252_fallback_is_flagged() {
        // "Café “quoted”" in Windows-1252.
        let (text, diagnostics) = decode(b"Caf\xE9 \x93quoted\x94");
        assert_eq!(text, "Café “quoted”");
        assert_eq!(codes(&diagnostics), ["encoding.fallback"]);
    }

    #[test]
    fn binary_is_flagged_not_refused() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        let (text, diagnostics) = decode(&bytes);
        assert!(!text.is_empty());
        assert!(codes(&diagnostics).contains(&"input.binary"));
    }

    /// `looks_binary` as a branch per character: what the block-counting version must agree with.
    fn looks_binary_by_chars(text: &str) -> bool {
        let chars: Vec<char> = text.chars().take(64 * 1024).collect();
        let control = chars
            .iter()
            .filter(|&&c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{7f}')
            .count();
        !chars.is_empty() && control * 10 > chars.len()
    }

    #[test]
    fn binary_check_counts_every_block_alike() {
        // C1 controls (C2 80..C2 9F) across block boundaries, C0 controls, multi-byte characters, and
        // mixes on both sides of the one-in-ten threshold.
        let mut cases: Vec<String> = vec![String::new(), "plain text\n".into(), "\u{1}".into()];
        for n in [1usize, 9, 10, 11, 127, 128, 129, 300] {
            for control in ["\u{1}", "\u{85}", "\u{9f}", "\u{7f}", "\u{c}"] {
                for filler in ["a", "é", "€", "\u{a0}"] {
                    let mut s = String::new();
                    for i in 0..n {
                        s.push_str(if i % 9 == 0 { control } else { filler });
                    }
                    cases.push(s.clone());
                    cases.push(format!("{}{s}", "x".repeat(127)));
                }
            }
        }
        for text in &cases {
            assert_eq!(looks_binary(text), looks_binary_by_chars(text), "{text:?}");
        }
    }
}
