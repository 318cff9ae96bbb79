using System.Text;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// <c>dotnet run --project src/Web -- hash-password</c>: reads a password (without echo at a terminal, or one line of
/// redirected input) and prints its hash for Auth:Users:N:PasswordHash. The password itself is never printed.
/// </summary>
internal static class HashPasswordCommand
{
    public static int Run()
    {
        string? password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine();
        }
        else
        {
            password = ReadHidden("Password: ");
            if (password is not null && ReadHidden("Repeat it: ") != password)
            {
                Console.Error.WriteLine("The two passwords differ; nothing was hashed.");
                return 1;
            }
        }

        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given; nothing was hashed.");
            return 1;
        }

        Console.Out.WriteLine(PasswordHashes.Hash(password));
        return 0;
    }

    private static string? ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return typed.ToString();
                case ConsoleKey.Backspace when typed.Length > 0:
                    typed.Length--;
                    break;
                case ConsoleKey.Escape:
                    Console.Error.WriteLine();
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        typed.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }
}
