//! HTML extraction: the input as a web page's bytes, its article and
//! metadata extracted (after the pre-pass that tames its shape).

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = dyad_io::extract_page(data);
    });
}
