package health.leiming.notify;

/** The message a new member finds in the message centre. */
final class WelcomeMessage {

    static final String TITLE = "欢迎加入雷鸣健康";
    static final String CONTENT = "您好，欢迎使用雷鸣健康！您可以在这里记录自己和家人的血压、血糖、体重等健康数据，"
            + "查看趋势和健康报告，也可以预约陪诊等服务。如需帮助，请在“我的”页面联系客服。";

    private WelcomeMessage() {
    }
}
