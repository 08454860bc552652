from django.core.management.base import BaseCommand

from remiss import demo
from remiss.demo import people


class Command(BaseCommand):
    help = "Load the demo data (organisations, users, remisser, answers). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--print-logins", action="store_true", help="Only print the demo logins.")
        parser.add_argument("--code", action="store_true", help="Only print the demo users' current sign-in code.")

    def handle(self, *args, print_logins=False, code=False, **options):
        if code:
            token, seconds = people.current_code()
            self.stdout.write(f"{token}  (giltig i {seconds} s till; en ny kod var 30:e sekund)")
            return
        if not print_logins:
            for line in demo.load():
                self.stdout.write(line)
            return
        for line in people.login_lines():
            self.stdout.write(line)
