using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Specs;

namespace Netpol.Manifests.Tests.Specs;

/// <summary>
/// Reading <c>netpol test</c> specs: one small bad spec per rule, each with the exact line it must produce
/// (rows in <c>TestSpecReaderTests.Cases.cs</c>), and how a good spec is read.
/// </summary>
public partial class TestSpecReaderTests
{
    private const string FileName = "s.yaml";

    /// <summary>A spec with one mistake, the diagnostic code and the one line it must produce.</summary>
    public sealed record BadSpec(string Name, string Code, string Yaml, string Line)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_spec_with_one_mistake_gets_exactly_one_positioned_error(BadSpec row)
    {
        ArgumentNullException.ThrowIfNull(row);

        // When
        var spec = TestSpecReader.Parse(row.Yaml, FileName);

        // Then
        var error = Assert.Single(spec.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(row.Line, error.ToString());
        Assert.Equal(row.Code, error.Code);
        Assert.True(spec.HasErrors);
    }

    [Fact]
    public void A_good_spec_is_read_with_every_field_and_position()
    {
        // Given
        const string Yaml = """
            # leading comment
            tests:
              - name: web reaches api
                from: shop/deploy/web
                to: shop/svc/api
                port: 8080
                protocol: udp
                expect: allow
              - name: nobody reaches db
                from: {}
                to: {namespace: shop, labels: {app: db, version: 2}}
                port: pg
                expect: Deny
              - name: quoted numbers are numbers
                from: 10.0.0.1
                to: {labels: {app: db}}
                port: "5432"
                expect: deny
            """;

        // When
        var spec = TestSpecReader.Parse(Yaml, FileName);

        // Then
        Assert.Empty(spec.Diagnostics);
        Assert.Equal(3, spec.Tests.Count);
        var (web, db, quoted) = (spec.Tests[0], spec.Tests[1], spec.Tests[2]);
        Assert.Equal(("web reaches api", 0, "tests[0]"), (web.Name, web.Index, web.Path));
        Assert.Equal(new SourceLocation(FileName, 3, 5), web.Location);
        Assert.Equal("shop/deploy/web", web.From.Text);
        Assert.Equal(new SourceLocation(FileName, 4, 11), web.From.Location);
        Assert.Equal("shop/svc/api", web.To.ToString());
        Assert.Equal((8080, (string?)null), (web.Port!.Number, web.Port.Name));
        Assert.Equal(new SourceLocation(FileName, 6, 11), web.Port.Location);
        Assert.Equal(Protocol.UDP, web.Protocol);
        Assert.Equal(TestExpectation.Allow, web.Expect);

        Assert.Null(db.From.Text);
        Assert.Equal("{}", db.From.ToString());
        Assert.Equal("shop/{app=db,version=2}", db.To.ToString());
        Assert.Equal("shop", db.To.Selector!.Namespace);
        Assert.Equal("pg", db.Port!.Name);
        Assert.Null(db.Port.Number);
        Assert.Null(db.Protocol);
        Assert.Equal(TestExpectation.Deny, db.Expect);

        Assert.Equal("{app=db}", quoted.To.ToString());
        Assert.Null(quoted.To.Selector!.Namespace);
        Assert.Equal(5432, quoted.Port!.Number);
    }

    [Fact]
    public void Every_mistake_of_a_file_is_reported_in_order_and_good_tests_are_kept()
    {
        // Given
        const string Yaml = """
            tests:
              - name: one
                from: a/b
                to: c/d
                port: 0
                expect: allow
              - name: one
                from: a/b
                to: c/d
                expect: maybe
              - {name: three, from: a/b, to: c/d, expect: deny, protocol: ICMP}
              - {name: good, from: a/b, to: c/d, port: 80, expect: deny}
            """;

        // When
        var spec = TestSpecReader.Parse(Yaml, FileName);

        // Then
        Assert.Equal(
            [
                "s.yaml:5:11: tests[0].port: must be between 1 and 65535, inclusive, not 0",
                "s.yaml:7:11: tests[1].name: duplicate test name \"one\" (tests[0] at line 2 has it already)",
                "s.yaml:10:13: tests[1].expect: must be allow or deny, not \"maybe\"",
                "s.yaml:11:63: tests[2].protocol: must be TCP, UDP or SCTP, not \"ICMP\"",
            ],
            spec.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(["good"], spec.Tests.Select(t => t.Name));
        Assert.Equal(3, spec.Tests[0].Index);

        // The endpoints of the tests left out are kept, so that whether they exist can be checked in the same run.
        Assert.Equal(
            ["tests[0].from a/b s.yaml:3:11", "tests[0].to c/d s.yaml:4:9", "tests[1].from a/b s.yaml:8:11", "tests[1].to c/d s.yaml:9:9", "tests[2].from a/b s.yaml:11:25", "tests[2].to c/d s.yaml:11:34"],
            spec.EndpointsOfBadTests.Select(e => $"{e.Field} {e.Endpoint} {e.Endpoint.Location}"));
    }

    [Fact]
    public void A_missing_file_is_an_environment_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netpol-no-such-spec-{Guid.NewGuid():N}.yaml");

        var ex = Assert.Throws<Core.NetpolException>(() => TestSpecReader.Read(path));

        Assert.StartsWith($"cannot read the test spec {path}", ex.Message, StringComparison.Ordinal);
    }
}
