using System.IO.Compression;
using System.Text;
using IsatapPlatform.Contracts.Plans;
using IsatapPlatform.Planning.Plans;

namespace IsatapPlatform.Planning.Bundles;

/// <summary>Writes a plan as a zip: README.txt (warnings and the steps in order) plus every artifact.</summary>
/// <remarks>Entries are written in a fixed order with a fixed timestamp, so the same plan gives the same
/// bytes. Line ends become CRLF; .ps1 files are UTF-8 with BOM (Windows PowerShell 5.1 reads BOM-less
/// scripts in the ANSI code page), .reg files UTF-16LE with BOM (as regedit exports "Version 5.00"
/// files), everything else UTF-8 without BOM.</remarks>
public static class PlanBundleWriter
{
    /// <summary>The media type of the bundle.</summary>
    public const string MediaType = "application/zip";

    /// <summary>The name of the step list inside the zip.</summary>
    public const string ReadmeName = "README.txt";

    private static readonly DateTimeOffset Timestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The zip bytes.</summary>
    public static byte[] Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        Write(plan, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the zip to <paramref name="destination"/> (left open).</summary>
    public static void Write(Plan plan, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(destination);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ReadmeName };
        Add(zip, ReadmeName, Readme(plan), new UTF8Encoding(false));
        foreach (var a in plan.Artifacts)
        {
            if (!IsSafeEntryName(a.FileName)) throw new ArgumentException($"Artifact file name '{a.FileName}' is not a plain file name.", nameof(plan));
            if (!names.Add(a.FileName)) throw new ArgumentException($"Two artifacts are named '{a.FileName}'.", nameof(plan));
            Add(zip, a.FileName, a.Content, EncodingFor(a.FileName));
        }
    }

    private static bool IsSafeEntryName(string name)
        => name.Length is > 0 and <= 128 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static Encoding EncodingFor(string fileName)
        => fileName.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(true)
         : fileName.EndsWith(".reg", StringComparison.OrdinalIgnoreCase) ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true)
         : new UTF8Encoding(false);

    private static void Add(ZipArchive zip, string name, string text, Encoding encoding)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Timestamp;
        using var stream = entry.Open();
        var preamble = encoding.GetPreamble();
        stream.Write(preamble);
        stream.Write(encoding.GetBytes(ToCrlf(text)));
    }

    internal static string ToCrlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>The README: warnings, then the steps in order with their files.</summary>
    public static string Readme(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        sb.Append("ISATAP manage-out plan (IsatapPlatform)\n=======================================\n\n")
          .Append("Run the steps in this order, each as administrator on the computer its target names. Run each step's\n")
          .Append("verify script after it; stop at the first failure. To undo, run the rollback scripts in REVERSE order,\n")
          .Append("on the same computers (rollbacks read the state their step saved under %ProgramData%\\IsatapPlatform).\n\n");
        if (plan.Warnings.Count > 0)
        {
            sb.Append("Warnings\n--------\n");
            foreach (var w in plan.Warnings) sb.Append("* [").Append(w.Code).Append("] ").Append(w.Message).Append('\n');
            sb.Append('\n');
        }
        sb.Append("Steps\n-----\n");
        var byStem = plan.Artifacts.Select(a => a.FileName).ToArray();
        foreach (var s in plan.Steps)
        {
            sb.Append(s.Order).Append(". [").Append(ContractNames.Of(s.Target)).Append("] ").Append(s.Title).Append("  (id: ").Append(s.Id).Append(")\n");
            sb.Append("   Why: ").Append(s.Why).Append('\n');
            sb.Append("   Expect: ").Append(s.Verify.Expect).Append('\n');
            var files = byStem.Where(f => f.StartsWith(Stem(s, plan.Steps.Count), StringComparison.Ordinal)).ToArray();
            if (files.Length > 0) sb.Append("   Files: ").Append(string.Join(", ", files)).Append('\n');
            sb.Append('\n');
        }
        var other = plan.Artifacts.Where(a => !plan.Steps.Any(s => a.FileName.StartsWith(Stem(s, plan.Steps.Count), StringComparison.Ordinal))).ToArray();
        if (other.Length > 0)
        {
            sb.Append("Other files\n-----------\n");
            foreach (var a in other) sb.Append("* ").Append(a.FileName).Append('\n');
        }
        return sb.ToString();
    }

    private static string Stem(PlanStep s, int count)
        => s.Order.ToString("D" + Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), System.Globalization.CultureInfo.InvariantCulture) + "-" + s.Id + ".";
}
