using IsatapPlatform.Diagnostics.Catalog;
using IsatapPlatform.Contracts.Diagnostics;
using IsatapPlatform.Diagnostics.Evidence;

namespace IsatapPlatform.Diagnostics.Rules;

/// <summary>Collects findings: one per code. A rule that fires twice for the same code adds its detail and
/// evidence to the same finding, and the more severe severity wins.</summary>
internal sealed class FindingSet
{
    private const int MaxEvidence = 20;

    private sealed class Draft(string code, Severity severity)
    {
        public readonly string Code = code;
        public Severity Severity = severity;
        public readonly List<string> Details = [];
        public readonly List<string> Evidence = [];
    }

    private readonly Dictionary<string, Draft> _byCode = new(StringComparer.Ordinal);

    public bool Has(string code) => _byCode.ContainsKey(code);

    public void Add(string code, string detail, IEnumerable<string?> evidence, Severity? severity = null)
    {
        var entry = FindingCatalog.Get(code);
        if (!_byCode.TryGetValue(code, out var d)) _byCode[code] = d = new Draft(code, severity ?? entry.Severity);
        else if ((severity ?? entry.Severity) < d.Severity) d.Severity = severity ?? entry.Severity;
        if (!d.Details.Contains(detail)) d.Details.Add(detail);
        foreach (var raw in evidence)
        {
            if (raw is null || d.Evidence.Count >= MaxEvidence) continue;
            string line = TextLines.Echo(raw);
            if (!d.Evidence.Contains(line)) d.Evidence.Add(line);
        }
    }

    /// <summary>Errors first, then warnings, then info; within a severity, catalog order.</summary>
    public IReadOnlyList<Finding> ToList()
    {
        var order = FindingCodes.All;
        return _byCode.Values
            .OrderBy(d => d.Severity).ThenBy(d => IndexOf(order, d.Code))
            .Select(d => new Finding(d.Code, d.Severity, FindingCatalog.Get(d.Code).Title, string.Join(" ", d.Details), d.Evidence.ToArray()))
            .ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> list, string code)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == code) return i;
        return int.MaxValue;
    }
}
