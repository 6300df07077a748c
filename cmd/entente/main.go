// Command entente helps two (or more) governments turn a summit's promises into signed
// agreements and finished work. Run "entente help" for its commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		if err != errUsage {
			fmt.Fprintln(os.Stderr, "entente:", err)
		}
		os.Exit(1)
	}
}

// env is the process's world as run receives it, so that tests can run commands in-process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run runs the command named by args[1] with the rest of args.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) < 2 {
		printHelp(stderr)
		return errUsage
	}
	name, rest := args[1], args[2:]
	if name == "help" || name == "-h" || name == "--help" {
		printHelp(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, rest)
		}
	}
	fmt.Fprintf(stderr, "entente: unknown command %q\n\n", name)
	printHelp(stderr)
	return errUsage
}
