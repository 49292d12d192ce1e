package health.leiming.web.platform;

import health.leiming.platform.PageRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page and size of every list ({@code ?page=2&size=20}), validated the same way everywhere:
 * pages count from 1, at most 200 items a page (20 unless asked).
 */
public class PageParams {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(value = 1, message = "页码从1开始")
    @Parameter(description = "页码，从1开始")
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "每页至少1条")
    @Max(value = MAX_SIZE, message = "每页最多" + MAX_SIZE + "条")
    @Parameter(description = "每页条数，1-200，默认20")
    int size;

    public PageRequest request() {
        return new PageRequest(page, size);
    }
}
