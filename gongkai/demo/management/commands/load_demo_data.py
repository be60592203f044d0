from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gongkai.demo import loader


class Command(BaseCommand):
    help = "Load the demo organs, staff and calendar; safe to run again (creates only what is missing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--print-logins", action="store_true", help="Only print the demo logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["print_logins"]:
            self.stdout.write(loader.login_summary())
            return
        counts = loader.load_all()
        self.stdout.write(
            "演示数据已就绪：新增工作日历 {calendar_years} 年、机关 {organs} 个、工作人员 {people} 名、政府信息 {items} 条、"
            "便民答复 {convenience_replies} 条、依申请公开申请 {applications} 件、政策解读 {interpretations} 篇、年度报告 {annual_reports} 份、标准目录 {catalogs} 个。".format(
                **counts
            )
        )
