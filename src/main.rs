fn main() -> std::process::ExitCode {
    section55::cli::main()
}
