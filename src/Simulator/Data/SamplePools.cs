namespace UMeetingReports.Simulator.Data;

/// <summary>Ordinary values the generator draws from; the hostile ones live in <see cref="SimulatorHostileValues"/>.</summary>
internal static class SamplePools
{
    public static readonly IReadOnlyList<string> RoomNames =
    [
        "深圳-大会议室",
        "Beijing Board Room",
        "上海-浦东 3F 小会议室",
        "Guangzhou Training Room",
        "杭州-西湖厅",
        "Chengdu Huddle 1",
        "北京-望京 12F 会议室A",
        "Shenzhen Lab",
        "成都-天府会议室",
        "Shanghai Pudong Boardroom",
        "武汉-光谷 洽谈室",
        "Hong Kong Client Suite",
    ];

    public static readonly IReadOnlyList<int> Capacities = [6, 8, 10, 12, 20, 25, 50, 100];

    public static readonly IReadOnlyList<string> Topics =
    [
        "Weekly review",
        "Sprint planning",
        "Daily stand-up",
        "Customer call",
        "All hands",
        "Interview: backend engineer",
        "Budget review",
        "Product demo",
        "Design sync",
        "1:1",
        "Vendor negotiation",
        "Board meeting",
        "Training: security awareness",
        "Retrospective",
        "Marketing kickoff",
        "Quarterly business review",
        "Release go/no-go",
        "周例会",
        "项目评审",
        "客户沟通会",
        "季度总结",
        "产品需求讨论",
        "面试 - 前端工程师",
        "部门月会",
        "培训：信息安全",
        "预算审批",
        "技术分享",
        "供应商洽谈",
        "年度规划",
        "销售复盘",
        "新员工入职培训",
        "跨部门协调会",
        "Q3 OKR 对齐",
        "ACME 项目 kickoff",
    ];

    public static readonly IReadOnlyList<string> People =
    [
        "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴婷",
        "徐强", "孙丽", "马超", "朱琳", "胡军", "郭晓", "何欣", "林峰", "高媛", "罗斌",
        "Alice Chen", "Bob Smith", "Carol Wang", "David Li", "Emma Johnson", "Frank Zhang",
        "Grace Liu", "Henry Brown", "Iris Huang", "Jack Wilson", "Kate Zhou", "Leo Martin",
        "Mia Xu", "Nick Taylor", "Olivia Sun", "iPhone", "Galaxy S23", "Zhang Wei's iPad",
        "会议室终端", "Guest",
    ];

    public static readonly IReadOnlyList<int> ScheduledMinutes = [15, 30, 30, 45, 60, 60, 60, 90, 120, 180];
}
