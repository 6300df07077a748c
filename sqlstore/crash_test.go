package sqlstore_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestMain(m *testing.M) {
	if dsn := os.Getenv("ENTENTE_CRASH_WRITER_DB"); dsn != "" {
		crashWriter(dsn, os.Getenv("ENTENTE_CRASH_WRITER_ROADMAP"))
		return
	}
	os.Exit(m.Run())
}

// crashWriter is the child process of TestKilledWriterLosesNoAcknowledgedWrite: it creates
// actions as fast as it can and prints the id of each one the store acknowledged, until killed.
func crashWriter(dsn, roadmap string) {
	db, err := sqlstore.Open(context.Background(), dsn, entente.SystemClock{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	id, _ := strconv.ParseInt(roadmap, 10, 64)
	actions := sqlstore.NewActionService(db)
	for i := 0; ; i++ {
		a := &entente.Action{RoadmapID: id, Title: "Write " + strconv.Itoa(i)}
		if err := actions.CreateAction(system(), a); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("ack", a.ID)
	}
}

// TestKilledWriterLosesNoAcknowledgedWrite kills a writing process with SIGKILL and checks
// that every write it had acknowledged is there when the database is opened again, and that
// the audit chain still holds.
func TestKilledWriterLosesNoAcknowledgedWrite(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "ENTENTE_CRASH_WRITER_DB="+db.DSNForTest(),
			"ENTENTE_CRASH_WRITER_ROADMAP="+itoa64(f.roadmap.ID))
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		var acked []int64
		sc := bufio.NewScanner(out)
		for len(acked) < 300 && sc.Scan() {
			line := sc.Text()
			if id, ok := strings.CutPrefix(line, "ack "); ok {
				n, _ := strconv.ParseInt(id, 10, 64)
				acked = append(acked, n)
			} else {
				t.Fatalf("writer: %s", line)
			}
		}
		must(t, cmd.Process.Signal(syscall.SIGKILL))
		cmd.Wait()
		if len(acked) < 300 {
			t.Fatalf("the writer acknowledged only %d writes", len(acked))
		}
		db.Close()
		reopened, err := sqlstore.Open(context.Background(), db.DSNForTest(), entente.FixedClock(testNow))
		must(t, err)
		defer reopened.Close()
		actions := sqlstore.NewActionService(reopened)
		for _, id := range acked {
			if _, err := actions.FindActionByID(system(), id); err != nil {
				t.Fatalf("acknowledged action %d is lost: %v", id, err)
			}
		}
		if rep, err := reopened.VerifyAudit(context.Background()); err != nil || rep.Problem != nil {
			t.Fatalf("audit chain after the kill: %v %+v", err, rep.Problem)
		}
	})
}
