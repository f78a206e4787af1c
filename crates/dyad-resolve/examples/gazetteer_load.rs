//! How long indexing the built-in gazetteer takes: the cost the first event
//! that needs a place pays (`cargo run --release -p dyad-resolve --example gazetteer_load`).

fn main() {
    let started = std::time::Instant::now();
    let gazetteer = dyad_resolve::Gazetteer::builtin();
    let tripoli = gazetteer.lookup("Tripoli").len();
    println!(
        "gazetteer indexed in {:?} ({tripoli} places named Tripoli)",
        started.elapsed()
    );
}
