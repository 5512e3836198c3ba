using System.Text.Json;
using System.Xml.Linq;

namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol test</c>'s contract: exit codes, the output formats' shapes, and every spec error of a run at once.</summary>
public sealed class TestCommandTests : IDisposable
{
    private const string Passing = """
        tests:
          - name: backend reaches database
            from: webshop/deploy/backend
            to: webshop/sts/database
            port: 5432
            expect: allow
        """;

    private const string Failing = """
        tests:
          - name: backend reaches database
            from: webshop/deploy/backend
            to: webshop/sts/database
            port: postgres
            expect: allow
          - name: frontend reaches database
            from: webshop/deploy/frontend
            to: webshop/sts/database
            port: 5432
            expect: allow
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("netpol-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Exits_0_when_every_test_passes()
    {
        var spec = Write("pass.yaml", Passing);

        var (exit, output, error) = CliRunner.Run("test", "-f", "example:three-tier-app", spec);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal("PASS backend reaches database\n\n1 passed, 0 failed\n", output);
    }

    [Fact]
    public void Exits_1_when_a_test_fails_and_explains_the_failure_as_check_does()
    {
        // Given
        var spec = Write("fail.yaml", Failing);
        var check = CliRunner.Run("check", "-f", "example:three-tier-app", "--from", "webshop/deploy/frontend", "--to", "webshop/sts/database", "--port", "5432");

        // When
        var (exit, output, error) = CliRunner.Run("test", "-f", "example:three-tier-app", spec);

        // Then
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        var indented = string.Concat(check.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"    {l}\n"));
        Assert.Equal(
            "PASS backend reaches database\n"
            + "FAIL frontend reaches database: expected allow, got deny (1 of 1 pair denied)\n"
            + indented
            + "\n1 passed, 1 failed\n",
            output);
    }

    [Fact]
    public void Reports_every_spec_error_of_every_file_at_once_and_exits_2()
    {
        // Given
        var first = Write("first.yaml", """
            tests:
              - name: typo
                from: webshop/deploy/frontnd
                to: webshop/sts/database
                port: 70000
                expect: allow
              - name: unknown pod
                from: webshop/deploy/frontnd
                to: webshop/sts/database
                port: 5432
                expect: allow
            """);
        var second = Write("second.yaml", "tests: []\n");

        // When
        var (exit, output, error) = CliRunner.Run("test", "-f", "example:three-tier-app", first, second);

        // Then
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal(
            [
                $"{first}:3:11: tests[0].from: no pod or workload \"webshop/deploy/frontnd\" in the input; did you mean webshop/deploy/frontend?",
                $"{first}:5:11: tests[0].port: must be between 1 and 65535, inclusive, not 70000",
                $"{first}:8:11: tests[1].from: no pod or workload \"webshop/deploy/frontnd\" in the input; did you mean webshop/deploy/frontend?",
                $"{second}:1:8: tests: must list at least one test: a spec that tests nothing proves nothing",
                "4 errors in the test specs: nothing was tested",
            ],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_manifests_exit_2_and_the_spec_errors_are_still_reported()
    {
        var spec = Write("bad.yaml", "tests:\n  - {name: x, from: a/b, to: c/d, port: 1, expect: maybe}\n");

        var (exit, output, error) = CliRunner.RunWithInput("kind: Pod\n", "test", "-f", "-", spec);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("nothing was analysed", error, StringComparison.Ordinal);
        Assert.Contains($"{spec}:2:52: tests[0].expect: must be allow or deny, not \"maybe\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_and_missing_specs_exit_2()
    {
        var missing = Path.Combine(_dir.FullName, "missing.yaml");

        var noSpec = CliRunner.Run("test", "-f", "example:three-tier-app");
        var noFile = CliRunner.Run("test", "-f", "example:three-tier-app", missing);
        var badFormat = CliRunner.Run("test", "-f", "example:three-tier-app", Write("pass.yaml", Passing), "-o", "yaml");

        Assert.Equal(2, noSpec.Exit);
        Assert.Equal(2, noFile.Exit);
        Assert.StartsWith($"netpol: cannot read the test spec {missing}", noFile.Error, StringComparison.Ordinal);
        Assert.Equal(2, badFormat.Exit);
    }

    [Fact]
    public void Junit_is_well_formed_with_a_suite_per_file_and_a_failure_per_failed_test()
    {
        // Given
        var pass = Write("pass.yaml", Passing);
        var fail = Write("fail.yaml", Failing);

        // When
        var (exit, output, _) = CliRunner.Run("test", "-f", "example:three-tier-app", pass, fail, "-o", "junit");

        // Then
        Assert.Equal(1, exit);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites", output, StringComparison.Ordinal);
        var root = XDocument.Parse(output).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("3", "1", "0"), ((string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("errors")));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal([pass, fail], suites.Select(s => (string?)s.Attribute("name")));
        Assert.Equal(["1", "2"], suites.Select(s => (string?)s.Attribute("tests")));
        var cases = suites.SelectMany(s => s.Elements("testcase")).ToList();
        Assert.Equal([pass, fail, fail], cases.Select(c => (string?)c.Attribute("classname")));
        var failure = Assert.Single(cases.SelectMany(c => c.Elements("failure")));
        Assert.Equal("frontend reaches database", (string?)failure.Parent!.Attribute("name"));
        Assert.Equal("expected allow, got deny (1 of 1 pair denied)", (string?)failure.Attribute("message"));
        Assert.StartsWith("DENIED: webshop/deploy/frontend -> webshop/sts/database on 5432/TCP\n", failure.Value, StringComparison.Ordinal);

        // Nothing varies run to run: every time is 0, and there is no timestamp.
        Assert.All(root.DescendantsAndSelf().Attributes("time"), a => Assert.Equal("0", a.Value));
        Assert.Empty(root.DescendantsAndSelf().Attributes("timestamp"));
    }

    [Fact]
    public void Json_lists_every_test_with_its_pairs_and_a_summary()
    {
        // Given
        var spec = Write("fail.yaml", Failing);

        // When
        var (exit, output, _) = CliRunner.Run("test", "-f", "example:three-tier-app", spec, "-o", "json");

        // Then
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var tests = json.RootElement.GetProperty("tests");
        Assert.Equal(2, tests.GetArrayLength());
        var (named, failed) = (tests[0], tests[1]);
        Assert.Equal("backend reaches database", named.GetProperty("name").GetString());
        Assert.Equal(spec, named.GetProperty("file").GetString());
        Assert.Equal(2, named.GetProperty("line").GetInt32());
        Assert.Equal("webshop/deploy/backend", named.GetProperty("from").GetString());
        Assert.Equal("webshop/sts/database", named.GetProperty("to").GetString());
        Assert.Equal("postgres", named.GetProperty("port").GetString());
        Assert.Equal("TCP", named.GetProperty("protocol").GetString());
        Assert.Equal(("allow", "allow", true), (named.GetProperty("expect").GetString(), named.GetProperty("actual").GetString(), named.GetProperty("passed").GetBoolean()));
        Assert.Equal(5432, named.GetProperty("pairs")[0].GetProperty("port").GetInt32());
        Assert.Equal(5432, failed.GetProperty("port").GetInt32());
        Assert.Equal(("allow", "deny", false), (failed.GetProperty("expect").GetString(), failed.GetProperty("actual").GetString(), failed.GetProperty("passed").GetBoolean()));
        var pair = failed.GetProperty("pairs")[0];
        Assert.Equal(("webshop/deploy/frontend", "webshop/sts/database", false), (pair.GetProperty("from").GetString(), pair.GetProperty("to").GetString(), pair.GetProperty("allowed").GetBoolean()));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((1, 1), (summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public void Several_spec_files_are_grouped_by_file_in_text()
    {
        var pass = Write("pass.yaml", Passing);
        var fail = Write("fail.yaml", Passing.Replace("expect: allow", "expect: deny", StringComparison.Ordinal));

        var (exit, output, _) = CliRunner.Run("test", "-f", "example:three-tier-app", pass, fail);

        Assert.Equal(1, exit);
        var lines = output.Split('\n');
        Assert.Equal($"{pass}:", lines[0]);
        Assert.Equal("PASS backend reaches database", lines[1]);
        Assert.Equal($"{fail}:", lines[2]);
        Assert.Equal("FAIL backend reaches database: expected deny, got allow (1 of 1 pair allowed)", lines[3]);
        Assert.EndsWith("\n1 passed, 1 failed\n", output, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
