//! The `harmattan` binary: see `cli.rs`.

fn main() -> std::process::ExitCode {
    harmattan::cli::main()
}
