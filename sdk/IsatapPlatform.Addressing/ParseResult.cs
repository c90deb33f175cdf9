namespace IsatapPlatform.Addressing;

/// <summary>What went wrong while parsing and where: the zero-based character index in the input at
/// which parsing stopped. A value type, so a failed TryParse allocates nothing.</summary>
/// <param name="Error">The reason.</param>
/// <param name="Position">Zero-based index of the offending character in the input.</param>
public readonly record struct ParseFailure(AddressError Error, int Position)
{
    /// <summary>The stable machine-readable code of <see cref="Error"/>.</summary>
    public string Code => Error.ToCode();

    /// <summary>A human-readable description with the position.</summary>
    public string Message => $"{Error.ToMessage()} (at position {Position})";

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>The only exception the Parse methods throw: a <see cref="FormatException"/> that carries the
/// <see cref="AddressError"/> and the position where parsing failed.</summary>
public sealed class AddressFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="input"/>.</summary>
    public AddressFormatException(string input, ParseFailure failure)
        : base($"'{Truncate(input)}' is not valid: {failure.Message}")
    {
        Input = input;
        Failure = failure;
    }

    /// <summary>The text that was refused.</summary>
    public string Input { get; }

    /// <summary>Why and where it was refused.</summary>
    public ParseFailure Failure { get; }

    /// <summary>The reason.</summary>
    public AddressError Error => Failure.Error;

    /// <summary>Zero-based index where parsing stopped.</summary>
    public int Position => Failure.Position;

    // Hostile inputs can be megabytes long; an exception message must stay readable.
    private static string Truncate(string s) => s.Length <= 100 ? s : string.Concat(s.AsSpan(0, 100), "...");
}
